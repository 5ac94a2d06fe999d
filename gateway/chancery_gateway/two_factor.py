"""The QR code of a two-factor enrolment, drawn here (segno, SVG): no image from elsewhere."""
import io

import segno


def qr_svg(otpauth_uri):
    """The otpauth URI as an SVG QR code, dark on white, with its quiet zone."""
    out = io.BytesIO()
    segno.make(otpauth_uri, error="m").save(out, kind="svg", scale=5, border=4, light="#fff", xmldecl=False,
                                           title="Two-factor sign-in")
    return out.getvalue()
