"""Scanned pages made here: text drawn with Pillow in DejaVu Sans (Debian's fonts-dejavu-core)
on an A4 page at 200 dpi, with specks of noise and a slight skew, as a scanner gives them;
saved as PNG, JPEG, a multi-page TIFF or an image-only PDF (no text layer). Used by the texts
tests and by ``python -m bench ocr``."""
import io
import random

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
DPI = 200
A4 = (1654, 2339)  # pixels at 200 dpi

RUSSIAN = [
    "ДОГОВОР ПОСТАВКИ № {n}",
    "г. Москва",
    "Общество с ограниченной ответственностью «Вектор»,",
    "именуемое в дальнейшем Поставщик, обязуется",
    "передать Покупателю строительные материалы:",
    "щебень гранитный, песок речной и цемент,",
    "а Покупатель обязуется принять и оплатить их.",
    "Срок поставки: тридцать календарных дней.",
    "Цена договора включает доставку на объект.",
    "Delivery of gravel and sand to the building site.",
]


def page(lines, *, seed=0, skew=1.2, specks=3000):
    """One greyscale page with these lines of text, noise and a skew of ``skew`` degrees."""
    from PIL import Image, ImageDraw, ImageFont
    rng = random.Random(seed)
    font = ImageFont.truetype(FONT, 34)
    image = Image.new("L", A4, 255)
    draw = ImageDraw.Draw(image)
    y = 180
    for line in lines:
        draw.text((150, y), line, font=font, fill=rng.randint(0, 40))
        y += 62
    for _ in range(specks):  # dust: specks of one to two pixels
        x, y = rng.randrange(A4[0] - 2), rng.randrange(A4[1] - 2)
        draw.rectangle((x, y, x + rng.randint(0, 1), y + rng.randint(0, 1)), fill=rng.randint(60, 200))
    return image.rotate(skew, resample=Image.BICUBIC, expand=False, fillcolor=255)


def contract_page(number, *, seed=0, extra=()):
    return page([line.format(n=number) for line in RUSSIAN] + list(extra), seed=seed)


def save(pages, kind):
    """The pages as the bytes of a PNG or JPEG (first page), a TIFF or an image-only PDF."""
    out = io.BytesIO()
    if kind == "png":
        pages[0].save(out, "PNG", dpi=(DPI, DPI))
    elif kind == "jpeg":
        pages[0].save(out, "JPEG", quality=85, dpi=(DPI, DPI))
    elif kind == "tiff":
        pages[0].save(out, "TIFF", dpi=(DPI, DPI), compression="tiff_deflate", save_all=True,
                      append_images=pages[1:])
    elif kind == "pdf":
        pages[0].save(out, "PDF", resolution=DPI, save_all=True, append_images=pages[1:])
    else:
        raise ValueError(kind)
    return out.getvalue()
