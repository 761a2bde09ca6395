"""The second factor: a TOTP device (an authenticator app) per user, through django-otp.

A user who must prove one (``access.needs_second_factor``) is sent, after the password, to
the page of ``accounts.views.two_factor``: to enter the app's code, or, the first time, to
add the app (a QR code of the device's ``otpauth://`` address, and its key to type in).
django-otp throttles wrong codes itself (each failure doubles the wait).
"""

from __future__ import annotations

from base64 import b32encode
from typing import TYPE_CHECKING

import qrcode
import qrcode.image.svg
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

if TYPE_CHECKING:
    from django.contrib.auth.base_user import AbstractBaseUser
    from django.http import HttpRequest

DEVICE_NAME = "authenticator"


def device_confirmed(user: AbstractBaseUser) -> TOTPDevice | None:
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).first()


def device_for_enrolment(user: AbstractBaseUser) -> TOTPDevice:
    """The user's unconfirmed device, made on the first visit: the same key on every
    reload of the page until a code from it is entered."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)
    return device


def device_key(device: TOTPDevice) -> str:
    """The key in base32, grouped by four, as authenticator apps ask it to be typed."""
    key = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))


def device_qr_svg(device: TOTPDevice) -> str:
    """The device's otpauth:// address as an inline SVG QR code (no image library)."""
    image = qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathImage)
    return image.to_string(encoding="unicode")


def code_verify(request: HttpRequest, device: TOTPDevice, code: str) -> bool:
    """Check ``code`` against ``device`` (throttled by django-otp); on success the device
    is confirmed and this session counts as verified."""
    code = "".join(code.split())
    if not code.isdigit() or not device.verify_token(code):
        return False
    if not device.confirmed:
        device.confirmed = True
        device.save(update_fields=["confirmed"])
    otp_login(request, device)
    return True
