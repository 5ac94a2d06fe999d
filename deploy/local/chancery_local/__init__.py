"""The one-machine run of Chancery: infrastructure, services and gateway as local processes."""
