"""Timed work whose interval is a setting of the service's nameko config.

``@every("NOTIFICATIONS_TICK_SECONDS", 5)`` is nameko's timer with its interval read from
the running container's config when the service starts (config.yaml names the setting,
usually as ``${NOTIFICATIONS_TICK_SECONDS:5}``, so the environment still sets it), not from
the environment when the module is imported. The default serves a config that does not
name it. An interval that is not a positive number stops the service at start, naming it.
"""
from nameko.timer import Timer


class ConfiguredTimer(Timer):
    def __init__(self, setting, default, **kwargs):
        self.setting, self.default = setting, default
        super().__init__(interval=default, **kwargs)

    def setup(self):
        value = self.container.config.get(self.setting, self.default)
        try:
            self.interval = float(value)
        except (TypeError, ValueError):
            self.interval = 0
        if not self.interval > 0:
            raise ValueError(f"{self.setting} must be a number of seconds above 0, not {value!r}")
        super().setup()


every = ConfiguredTimer.decorator
