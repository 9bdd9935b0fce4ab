"""Keyboard-only use: a skip link first, and a focus that can always be seen."""

FOCUS_YELLOW = "rgb(255, 221, 0)"


def _focused(page):
    return page.evaluate(
        """() => { const el = document.activeElement; const box = el.getBoundingClientRect();
        const style = getComputedStyle(el);
        return {tag: el.tagName, id: el.id, text: el.textContent.trim(), width: box.width,
                height: box.height, top: box.top, background: style.backgroundColor,
                outline: [style.outlineStyle, style.outlineWidth, style.outlineColor].join(' ')};
        }"""
    )


def test_it_can_be_browsed_with_the_keyboard_alone(page):
    page.goto("/meetings/cabinet/2017-10-04/")
    page.keyboard.press("Tab")
    skip = _focused(page)
    assert skip["text"] == "Skip to main content"
    assert skip["width"] > 0 and skip["height"] > 0 and skip["top"] >= 0  # visible when focused
    assert skip["background"] == FOCUS_YELLOW

    page.keyboard.press("Enter")
    assert _focused(page)["id"] == "main"

    seen = []
    for _ in range(40):  # on through the page's links: each one visibly focused
        page.keyboard.press("Tab")
        focused = _focused(page)
        if focused["tag"] == "A":
            assert focused["background"] == FOCUS_YELLOW, focused
            seen.append(focused["text"])
        if "Fostering Modernisation Plan" in focused["text"]:
            break
    assert any("Fostering Modernisation Plan" in text for text in seen), seen
    page.keyboard.press("Enter")
    page.wait_for_url("**/items/89/")
    assert (
        page.get_by_role("heading", level=1).inner_text().endswith("Fostering Modernisation Plan")
    )


def test_it_reaches_the_search_box_and_the_main_navigation_from_the_keyboard(page):
    page.goto("/")
    page.keyboard.press("Tab")  # skip link
    page.keyboard.press("Tab")  # the council's name (home)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.name") == "q"
    outline = _focused(page)["outline"]
    assert "solid" in outline and "255, 221, 0" in outline
