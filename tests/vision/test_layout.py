"""The layout of a picture (shapes, connectors, normalised text) on drawings made here with Pillow and Graphviz:
pure pixels, no OCR."""
import io
import subprocess

import numpy
import pytest
from PIL import Image, ImageDraw

from atypie.vision.layout import analyse


def _boxes_and_arrows(fill="#1f4e79", outline=None, size=(640, 320)):
    """Three boxes (A top, B and C below) and two arrows A→B, A→C with filled heads."""
    image = Image.new("RGB", size, "white")
    draw = ImageDraw.Draw(image)
    boxes = [(240, 20, 400, 80), (60, 220, 220, 280), (420, 220, 580, 280)]
    for box in boxes:
        draw.rectangle(box, fill=fill, outline=outline, width=2)
        # a few letter-sized marks inside, so that the letter height is known
        for x in range(box[0] + 20, box[2] - 20, 16):
            draw.rectangle((x, box[1] + 22, x + 8, box[1] + 36), fill="white" if fill else "black")
    for (x0, y0), (x1, y1) in (((300, 80), (140, 220)), ((340, 80), (500, 220))):
        draw.line((x0, y0, x1, y1 - 12), fill="black", width=2)
        draw.polygon([(x1 - 9, y1 - 14), (x1 + 9, y1 - 14), (x1, y1)], fill="black")
    return image, boxes


def test_filled_boxes_and_the_arrows_between_them_are_found_with_their_direction():
    image, boxes = _boxes_and_arrows()
    layout = analyse(image)
    assert len(layout.shapes) == 3
    top = next(n for n, s in enumerate(layout.shapes) if s.box[1] < 50)
    links = {(c.source, c.target) for c in layout.connectors}
    assert links == {(top, n) for n in range(3) if n != top}
    assert all(c.directed for c in layout.connectors)


def test_outlined_boxes_are_found_too():
    image, _ = _boxes_and_arrows(fill=None, outline="black")
    layout = analyse(image)
    assert len(layout.shapes) == 3 and not any(s.filled for s in layout.shapes)
    assert len(layout.connectors) == 2


def test_white_text_on_a_dark_fill_comes_out_black_on_white():
    image, boxes = _boxes_and_arrows()
    pixels = numpy.asarray(analyse(image).normalised)
    left, top, right, bottom = boxes[0]
    mark = pixels[top + 24:top + 34, left + 22:left + 26]  # inside the first white mark
    fill = pixels[top + 5:top + 15, left + 40:left + 60]  # the blue around it
    assert mark.mean() < 80 and fill.mean() > 200


def test_the_area_a_loop_of_arrows_closes_is_not_a_shape():
    dot = b'digraph { a -> b; a -> c; b -> d; c -> d; }'
    png = subprocess.run(["dot", "-Tpng", "-Gdpi=110"], input=dot, capture_output=True, check=True).stdout
    layout = analyse(Image.open(io.BytesIO(png)).convert("RGB"))
    assert len(layout.shapes) == 4
    assert len(layout.connectors) == 4


@pytest.mark.parametrize("page", ["white", "#e5403f"])
def test_a_page_without_shapes_has_no_shapes_and_no_links(page):
    image = Image.new("RGB", (400, 200), page)
    ImageDraw.Draw(image).text((20, 80), "Un titre de diapositive", fill="white")
    layout = analyse(image)
    assert layout.shapes == [] and layout.connectors == []


@pytest.mark.slow
def test_a_grid_of_hundreds_of_boxes_is_analysed_in_bounded_time():
    # per-shape passes over the whole picture once took 45 s for this grid; the guard is generous
    import time

    image = Image.new("RGB", (1600, 1600), "white")
    draw = ImageDraw.Draw(image)
    for i in range(20):
        for j in range(20):
            x, y = i * 80, j * 80
            draw.rectangle((x + 5, y + 5, x + 70, y + 60), outline="black", width=2)
            draw.rectangle((x + 20, y + 25, x + 30, y + 38), fill="black")
            draw.rectangle((x + 40, y + 25, x + 48, y + 38), fill="black")
            if i < 19:
                draw.line((x + 70, y + 30, x + 85, y + 30), fill="black", width=2)
    start = time.perf_counter()
    layout = analyse(image)
    assert len(layout.shapes) == 400 and len(layout.connectors) == 380
    assert time.perf_counter() - start < 20


def test_a_block_arrow_between_two_boxes_joins_them_towards_its_point():
    image = Image.new("RGB", (700, 260), "white")
    draw = ImageDraw.Draw(image)
    for left in (20, 480):
        draw.rectangle((left, 60, left + 200, 180), fill="#1f4e79")
        for x in range(left + 30, left + 170, 20):
            draw.rectangle((x, 110, x + 10, 126), fill="white")  # letters
    # shaft from the left box, head pointing at the right box, a few pixels away from both
    draw.polygon([(230, 100), (400, 100), (400, 80), (470, 120), (400, 160), (400, 140), (230, 140)], fill="#a6a6b4")
    layout = analyse(image)
    assert len(layout.shapes) == 2
    left = min(range(2), key=lambda n: layout.shapes[n].box[0])
    assert [(c.source, c.target) for c in layout.connectors] == [(left, 1 - left)]


def test_an_org_chart_elbow_line_links_the_box_above_to_each_box_below():
    image = Image.new("RGB", (760, 330), "white")
    draw = ImageDraw.Draw(image)
    boxes = [(280, 20, 480, 90), (20, 220, 220, 290), (280, 220, 480, 290), (540, 220, 740, 290)]
    for box in boxes:
        draw.rectangle(box, outline="black", width=2)
        for x in range(box[0] + 30, box[2] - 30, 20):
            draw.rectangle((x, box[1] + 28, x + 10, box[1] + 44), fill="black")  # letters
    draw.line((380, 90, 380, 155), fill="black", width=2)  # down from the top box
    draw.line((120, 155, 640, 155), fill="black", width=2)  # the bus
    for x in (120, 380, 640):
        draw.line((x, 155, x, 220), fill="black", width=2)  # down to each box
    layout = analyse(image)
    assert len(layout.shapes) == 4 and layout.uncertain == 0
    top = next(n for n, s in enumerate(layout.shapes) if s.box[1] < 50)
    assert {(c.source, c.target) for c in layout.connectors} == {(top, n) for n in range(4) if n != top}
    assert not any(c.directed for c in layout.connectors)


def test_a_label_that_a_grid_line_crosses_is_kept_when_the_drawing_is_erased():
    from PIL import ImageFont

    image = Image.new("RGB", (900, 300), "white")
    draw = ImageDraw.Draw(image)
    draw.text((300, 100), "Pentium 4 HT", fill="black",
              font=ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf", 22))
    draw.text((300, 200), "Processeurs Intel", fill="black",
              font=ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf", 16))
    draw.line((20, 118, 880, 118), fill="black", width=1)  # a grid line through the label's lower half
    page = numpy.asarray(analyse(image).normalised)
    assert (page[118, 20:280] > 200).all()  # the line itself is erased
    assert (page[100:116, 300:460] < 100).sum() > 150  # the letters it crossed are not


def test_stacked_bands_of_a_pyramid_are_all_shapes():
    from PIL import ImageFont

    image = Image.new("RGB", (600, 420), "#f8f9f9")
    draw = ImageDraw.Draw(image)
    for n, colour in enumerate(("#9cb48e", "#68869f", "#4a7aac", "#828a8a")):  # four bands, each touching the next
        draw.rectangle((100 - 20 * n, 20 + 100 * n, 500 + 20 * n, 119 + 100 * n), fill=colour)
        draw.text((220, 55 + 100 * n), f"Niveau {n + 1} de gestion", fill="white",
                  font=ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf", 18))
    assert len(analyse(image).shapes) == 4
