"""Every exported page, opened offline in headless Chromium: no script errors, no network,
every image decoded, the math typeset, the 3-D surface drawn; a screenshot of each page."""
import glob
import os

import pytest
from conftest import BUILD

CHROMIUM = "/usr/bin/chromium"
# the instructor edition (and the index) at the top, the student edition in student/
PAGES = sorted(glob.glob(os.path.join(BUILD, "html", "*.html"))) + sorted(
    glob.glob(os.path.join(BUILD, "html", "student", "*.html")))


def page_id(path):
    return ("student/" if os.path.basename(os.path.dirname(path)) == "student" else "") + os.path.basename(path)


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright
    if not os.path.exists(CHROMIUM):
        pytest.fail("Debian's chromium is missing: ./course test installs it (apt-get install chromium)")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=[
            "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync"])
        yield b
        b.close()


def offline_page(browser):
    """A page that may load files only, recording script errors and any attempt to reach the network."""
    page = browser.new_page(viewport={"width": 1100, "height": 900})
    errors, remote = [], []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)

    def route(r):
        if r.request.url.startswith(("file://", "data:")):
            r.continue_()
        else:
            remote.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    return page, errors, remote


@pytest.mark.parametrize("page_path", PAGES, ids=page_id)
def test_page_works_offline(browser, page_path):
    page, errors, remote = offline_page(browser)
    page.goto("file://" + page_path)
    page.wait_for_load_state("load")
    name = os.path.basename(page_path)
    if name != "index.html":
        page.wait_for_function("() => window.MathJax && MathJax.startup && MathJax.startup.promise", timeout=20000)
        page.evaluate("() => MathJax.startup.promise")
        assert page.locator("mjx-container").count() > 0, "no typeset math"
        assert "$$" not in page.inner_text("body"), "raw LaTeX left on the page"
    if page.locator(".descent-surface").count():
        page.wait_for_selector(".descent-surface .main-svg", timeout=20000)
        titles = page.evaluate("""() => [...document.querySelectorAll('.descent-surface .js-plotly-plot')].map(d =>
            ['xaxis', 'yaxis', 'zaxis'].map(a => d._fullLayout.scene[a].title.text))""")
        for axes in titles:
            assert all(t and t not in ("x", "y", "z") for t in axes), f"3-D axes lack their titles: {axes}"
    broken = page.evaluate("() => [...document.images].filter(i => !(i.complete && i.naturalWidth > 0)).length")
    assert broken == 0, f"{broken} images did not decode"
    os.makedirs(os.path.join(BUILD, "screenshots"), exist_ok=True)
    shot = os.path.join(BUILD, "screenshots", page_id(page_path).replace("/", "-").replace(".html", ""))
    page.screenshot(path=shot + ".png", full_page=True)
    # the same page in screen-sized pieces, to read it as a student scrolls through it
    height = page.evaluate("() => document.documentElement.scrollHeight")
    for k, y in enumerate(range(0, height, 1500)):
        page.screenshot(path=f"{shot}-{k:02d}.png", full_page=True,
                        clip={"x": 0, "y": y, "width": 1100, "height": min(1500, height - y)})
    page.close()
    assert not remote, f"tried to reach the network: {remote[:3]}"
    assert not errors, errors[:3]


SURFACE_PAGES = [p for p in PAGES if 'class="descent-surface"' in open(p, encoding="utf-8").read()]
EXPLORER_PAGES = [p for p in PAGES if 'class="descent-explorer"' in open(p, encoding="utf-8").read()]


@pytest.mark.parametrize("page_path", EXPLORER_PAGES, ids=page_id)
def test_every_explorer_moves_when_used(browser, page_path):
    """Each explorer, used as a student would: drag its slider to the end (or press play, or point at a
    heat-map cell), and the plotted data must change — or the hover must show the cell's value."""
    page, errors, remote = offline_page(browser)
    page.goto("file://" + page_path)
    page.wait_for_load_state("load")
    explorers = page.locator(".descent-explorer")
    count = explorers.count()
    for k in range(count):
        page.wait_for_function("k => { const d = document.querySelectorAll('.descent-explorer .descent-live')[k];"
                               " return d && d._fullLayout && d.querySelector('.main-svg'); }", arg=k, timeout=20000)
    shots = os.path.join(BUILD, "screenshots")
    os.makedirs(shots, exist_ok=True)
    data = """k => JSON.stringify(document.querySelectorAll('.descent-explorer .descent-live')[k].data
                  .map(t => [t.x, t.y, t.text]))"""
    for k in range(count):
        ex = explorers.nth(k)
        ex.scroll_into_view_if_needed()
        assert ex.locator("img.descent-static").is_hidden(), f"explorer {k}: the picture stays under the chart"
        before = page.evaluate(data, k)
        name = f"explorer-{page_id(page_path).replace('/', '-').replace('.html', '')}-{k}"
        if ex.locator(".updatemenu-button").count():
            ex.locator(".updatemenu-button").first.click()        # ▶ play
            page.wait_for_timeout(2500)
            moved = page.evaluate(data, k)
            assert moved != before, f"explorer {k}: pressing play changed nothing"
        elif ex.locator(".slider-rail-rect").count():
            rail = ex.locator(".slider-rail-rect").first.bounding_box()
            page.mouse.click(rail["x"] + rail["width"] - 2, rail["y"] + rail["height"] / 2)
            page.wait_for_timeout(500)
            moved = page.evaluate(data, k)
            assert moved != before, f"explorer {k}: moving the slider changed nothing"
        else:   # the heat map: its values appear under the pointer
            box = ex.locator(".nsewdrag").first.bounding_box()
            page.mouse.move(box["x"] + box["width"] * 0.6, box["y"] + box["height"] * 0.4)
            page.wait_for_selector(".hoverlayer .hovertext", timeout=5000)
            hover = page.locator(".hoverlayer .hovertext").first.text_content()
            assert "=" in hover, f"explorer {k}: the hover shows {hover!r}"
        ex.screenshot(path=os.path.join(shots, name + ".png"))
    page.emulate_media(media="print")   # on paper: the pictures, not the live charts
    for k in range(count):
        assert explorers.nth(k).locator("img.descent-static").is_visible(), f"explorer {k} prints no picture"
        assert explorers.nth(k).locator(".descent-live").is_hidden(), f"explorer {k} prints its live chart"
    page.close()
    assert not remote, f"tried to reach the network: {remote[:3]}"
    assert not errors, errors[:3]


SLIDER = "k => document.querySelectorAll('.descent-explorer .descent-live')[k]._fullLayout.sliders[0].active"


@pytest.mark.parametrize("page_path", EXPLORER_PAGES, ids=page_id)
def test_every_explorer_works_by_keyboard_alone(browser, page_path):
    """Each explorer, used with the keyboard alone (issue #40, WCAG 2.1.1 and 4.1.3): from the output before it,
    Tab reaches its controls (the play button, then the slider); the focused control shows a visible outline;
    the arrow keys, End and Home move the chart (Plotly's own slider follows) and the live region says what the
    frame shows; Space plays an animation and Space again pauses it, and the region then says where it stopped.
    An explorer without frames (the heat map) carries its values as a table instead."""
    page, errors, remote = offline_page(browser)
    page.goto("file://" + page_path)
    page.wait_for_load_state("load")
    explorers = page.locator(".descent-explorer")
    shots = os.path.join(BUILD, "screenshots")
    os.makedirs(shots, exist_ok=True)
    for k in range(explorers.count()):
        ex = explorers.nth(k)
        page.wait_for_function("k => { const d = document.querySelectorAll('.descent-explorer .descent-live')[k];"
                               " return d && d._fullLayout && d.querySelector('.main-svg'); }", arg=k, timeout=20000)
        if ex.locator(".descent-controls").count() == 0:
            table = ex.locator("details.descent-data table")
            assert table.count() == 1, f"explorer {k} has neither controls nor a table of its values"
            assert table.locator("thead th").count() >= 2 and table.locator("tbody tr").count() >= 2
            continue
        controls = ex.locator(".descent-controls")
        assert controls.is_visible(), f"explorer {k}: its controls stay hidden once the chart has drawn"
        rng, status = controls.locator("input[type=range]"), controls.locator("[role=status]")
        label = controls.locator(f"label[for='{rng.get_attribute('id')}']").text_content()
        assert label.strip(), f"explorer {k}: the slider has no label"
        # Tab from the output area that holds the explorer, as a keyboard user arrives there
        ex.evaluate("e => e.closest('.jp-OutputArea-output').focus()")
        wanted = controls.locator("button").first if controls.locator("button").count() else rng
        for _ in range(6):
            page.keyboard.press("Tab")
            if wanted.evaluate("e => e === document.activeElement"):
                break
        assert wanted.evaluate("e => e === document.activeElement"), f"explorer {k}: Tab does not reach its controls"
        outline = wanted.evaluate("e => getComputedStyle(e).outlineStyle + ' ' + getComputedStyle(e).outlineWidth")
        assert not outline.startswith("none") and not outline.endswith(" 0px"), f"explorer {k}: no visible focus ({outline})"
        said = [status.text_content()]
        if controls.locator("button").count():
            play = controls.locator("button").first
            page.keyboard.press("Space")
            page.wait_for_timeout(1200)
            assert play.get_attribute("aria-pressed") == "true", f"explorer {k}: Space did not start the animation"
            page.keyboard.press("Space")
            page.wait_for_timeout(200)
            assert play.get_attribute("aria-pressed") == "false", f"explorer {k}: Space did not pause it"
            stopped = int(rng.input_value())
            assert stopped > 0, f"explorer {k}: playing moved nothing"
            assert page.evaluate(SLIDER, k) == stopped, f"explorer {k}: Plotly's slider does not follow"
            assert status.text_content().startswith("step "), status.text_content()
            said.append(status.text_content())
            page.keyboard.press("Tab")   # on to the slider
            assert rng.evaluate("e => e === document.activeElement"), f"explorer {k}: Tab does not reach the slider"
        start = int(rng.input_value())
        page.keyboard.press("ArrowRight")
        page.wait_for_timeout(300)
        assert int(rng.input_value()) == start + 1 and page.evaluate(SLIDER, k) == start + 1, \
            f"explorer {k}: the right arrow did not move the chart"
        value = controls.locator("output").text_content()
        assert rng.get_attribute("aria-valuetext") == value, (rng.get_attribute("aria-valuetext"), value)
        said.append(status.text_content())
        page.keyboard.press("End")
        page.wait_for_timeout(300)
        last = int(rng.get_attribute("max"))
        assert page.evaluate(SLIDER, k) == last, f"explorer {k}: End did not show the last frame"
        said.append(status.text_content())
        if k == 0:
            ex.screenshot(path=os.path.join(shots, f"explorer-keyboard-{page_id(page_path).replace('/', '-').replace('.html', '')}.png"))
        page.keyboard.press("Home")
        page.wait_for_timeout(300)
        assert page.evaluate(SLIDER, k) == 0 and status.text_content() == said[0], f"explorer {k}: Home did not go back"
        assert len(set(said)) == len(said), f"explorer {k}: the live region did not change with the frame: {said}"
        assert all(value.split(" = ")[0] in s or s.startswith("step ") for s in said[1:]), said
    page.close()
    assert not remote, f"tried to reach the network: {remote[:3]}"
    assert not errors, errors[:3]


@pytest.mark.parametrize("page_path", SURFACE_PAGES + EXPLORER_PAGES, ids=page_id)
def test_interactive_chart_falls_back_to_its_picture_without_scripts(browser, page_path):
    """An untrusted notebook in JupyterLab, or a page read with scripts off, shows the static picture of
    each interactive chart instead of an empty box; with scripts on, the chart replaces it."""
    context = browser.new_context(java_script_enabled=False, viewport={"width": 1100, "height": 900})
    page = context.new_page()
    page.goto("file://" + page_path)
    stills = page.locator(".descent-surface img.descent-static, .descent-explorer img.descent-static")
    assert stills.count() > 0, "no static picture beside the interactive chart"
    for k in range(stills.count()):
        box = stills.nth(k).bounding_box()
        assert box and box["width"] > 200 and box["height"] > 200, f"picture {k} is not visible: {box}"
        assert stills.nth(k).evaluate("i => i.complete && i.naturalWidth > 0")
    context.close()
    page = browser.new_page(viewport={"width": 1100, "height": 900})
    page.goto("file://" + page_path)
    page.wait_for_selector(".descent-surface .main-svg, .descent-explorer .main-svg", timeout=20000)
    page.wait_for_timeout(500)
    assert page.locator(".descent-surface img.descent-static, .descent-explorer img.descent-static").first.is_hidden(), \
        "the picture stays under the chart"
    page.close()


@pytest.mark.parametrize("page_path", [p for p in PAGES if not p.endswith("index.html")], ids=page_id)
def test_no_line_of_code_or_output_is_cut_off(browser, page_path):
    """Every code and text-output block fits its cell at the handout's width: long lines wrap."""
    page = browser.new_page(viewport={"width": 1100, "height": 900})
    page.goto("file://" + page_path)
    page.wait_for_load_state("load")
    cut = page.evaluate("""() => [...document.querySelectorAll('.jp-InputArea-editor pre, .jp-OutputArea-output pre')]
        .filter(p => p.scrollWidth > p.clientWidth + 1)
        .map(p => p.innerText.split('\\n').reduce((a, b) => a.length >= b.length ? a : b).slice(0, 80))""")
    page.close()
    assert not cut, f"{len(cut)} block(s) wider than their cell, e.g. {cut[:3]}"
