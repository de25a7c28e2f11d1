"""Draw the app icons (static/icons/*.png): rising progress bars on tiendo blue.

Run `python -m tiendo.web.icons` after changing the design; the PNGs are committed.
"""

from pathlib import Path

from PIL import Image, ImageDraw

OUT = Path(__file__).resolve().parent / "static" / "icons"
BLUE, WHITE, GREEN = (32, 107, 196), (255, 255, 255), (47, 179, 68)


def draw(size: int, *, maskable: bool = False) -> Image.Image:
    img = Image.new("RGBA", (size, size), BLUE if maskable else (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    pad = 0 if maskable else size // 16
    if not maskable:
        d.rounded_rectangle([pad, pad, size - pad, size - pad], radius=size // 6, fill=BLUE)
    inner = size * (0.22 if maskable else 0.2)
    left, bottom = inner, size - inner
    width = (size - 2 * inner) / 4
    for i, h in enumerate((0.3, 0.5, 0.75)):
        x0 = left + i * width * 1.4
        d.rounded_rectangle([x0, bottom - h * (size - 2 * inner), x0 + width, bottom],
                            radius=size // 40, fill=WHITE)
    r = size * 0.09
    cx, cy = size - inner - r * 0.6, inner + r * 0.6
    d.ellipse([cx - r, cy - r, cx + r, cy + r], fill=GREEN)
    return img


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for n in (192, 512):
        draw(n).save(OUT / f"icon-{n}.png", optimize=True)
    draw(512, maskable=True).save(OUT / "icon-maskable-512.png", optimize=True)


if __name__ == "__main__":
    main()
