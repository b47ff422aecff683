"""Steps a person takes in the browser tests: logging in to the admin."""


def log_in(browser, base, username):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{base}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", "briefing-room")
    page.click("input[type=submit]")
    page.wait_for_url(f"{base}/admin/")
    return page


def write_rich_text(page, field_id, text):
    """Type `text` into the rich-text editor that stands for the field `field_id`."""
    editor = page.locator(f".prose-editor:has(#{field_id}) .ProseMirror[contenteditable=true]")
    editor.click()
    editor.press_sequentially(text)
    return editor
