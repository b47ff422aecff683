// What the admin's widgets leave out for screen readers, added in one place: names for
// the controls Django, django-modeltranslation, Select2 and the rich-text editor draw
// without one (or in English only), and tabs that are one control each. It follows the
// page as widgets are built and inline rows added, before anything else can read it.
// (docs/decisions.md, "The admin, accessible".)
"use strict";
(function () {
  const say = (text) => (window.gettext ? window.gettext(text) : text);

  function labelText(id) {
    const label = id && document.querySelector(`label[for="${CSS.escape(id)}"]`);
    return label ? label.textContent.replace(/[:：]\s*$/, "").trim() : "";
  }

  function name(element, text) {
    if (text && !element.getAttribute("aria-label") && !element.getAttribute("aria-labelledby")) {
      element.setAttribute("aria-label", text);
    }
  }

  // Sets an attribute only when it changes: every change is seen by the observers.
  function set(element, attribute, value) {
    if (element.getAttribute(attribute) !== value) element.setAttribute(attribute, value);
  }

  // Language tabs (jQuery UI's, drawn by modeltranslation): the list item is the tab, and
  // the link inside it would be a second control within it. The link keeps only what
  // jQuery UI reads of it (its address, as properties) and loses its href attribute,
  // which is what made it a control. Each tab names its language in full ("English").
  function tabs() {
    document.querySelectorAll("li[role=tab] > a.ui-tabs-anchor[href]").forEach((anchor) => {
      const { href, hash } = anchor;
      anchor.removeAttribute("href");
      Object.defineProperties(anchor, { href: { value: href }, hash: { value: hash } });
      if (anchor.title) {
        anchor.textContent = anchor.title;
        anchor.parentElement.setAttribute("aria-label", anchor.title);
        anchor.parentElement.removeAttribute("aria-labelledby");
      }
    });
    const languages = new Intl.DisplayNames([document.documentElement.lang || "en"], {
      type: "language",
    });
    document.querySelectorAll("select.modeltranslation-switch").forEach((select) => {
      // A page without language tabs (a view-only form) gets an empty switch: drop it.
      if (!select.options.length) {
        select.remove();
        return;
      }
      name(select, say("Language of the fields shown"));
      select.querySelectorAll("option").forEach((option) => {
        if (/^[a-z]{2,3}$/.test(option.textContent)) {
          option.dataset.language = option.textContent;
          option.textContent = languages.of(option.textContent);
        }
      });
    });
  }

  // The tabs open on the language this user works in here (a translator's, or the
  // object's own: data-working-language), not the admin's; on a refused save, on the
  // tab of the first field at fault, as modeltranslation has it.
  // Done once, as soon as modeltranslation has drawn its switch (not at "load", which a
  // slow page reaches late, and after which a reader may have chosen a tab already).
  let workingLanguageOpened = false;
  function openWorkingLanguage() {
    const marker = document.querySelector("[data-working-language]");
    const select = document.querySelector("select.modeltranslation-switch");
    if (workingLanguageOpened || !marker || !select?.options.length) return;
    workingLanguageOpened = true;
    if (document.querySelector(".errornote")) return;
    const wanted = marker.dataset.workingLanguage;
    const option = [...select.options].find((o) => o.dataset.language === wanted);
    if (!option) return;
    // Set and announced even when it reads so already: the tabs opened on the admin's
    // language while the switch showed its first option.
    select.value = option.value;
    select.dispatchEvent(new Event("change"));
  }

  // Django's date and time inputs are introduced by text, not by a label.
  function dateTimes() {
    document.querySelectorAll("p.datetime input").forEach((input) => {
      let node = input.previousSibling;
      while (node && node.nodeType !== Node.TEXT_NODE) node = node.previousSibling;
      const text = node ? node.textContent.replace(/[:：]/g, "").trim() : "";
      const field = labelText(input.id.replace(/_[01]$/, ""));
      name(input, [field, text].filter(Boolean).join(" — "));
    });
  }

  // Select2 (the admin's autocompletes): the combobox and its search box take the name of
  // the select they stand for.
  function autocompletes() {
    document.querySelectorAll("span.select2-container").forEach((container) => {
      const select = container.previousElementSibling;
      if (!select || select.tagName !== "SELECT") return;
      const text = labelText(select.id) || select.getAttribute("aria-label") || "";
      const combobox = container.querySelector("[role=combobox]");
      if (combobox) {
        combobox.removeAttribute("aria-labelledby");
        name(combobox, text);
      }
      container.querySelectorAll("[role=textbox]").forEach((shown) => name(shown, text));
      container.querySelectorAll(".select2-search__field").forEach((field) => name(field, text));
      container.querySelectorAll("ul.select2-selection__rendered > :not(li)").forEach((item) => {
        item.setAttribute("role", "listitem");
      });
    });
  }

  // A tabular inline's cells are labelled by their column's heading.
  function tabularInlines() {
    document.querySelectorAll(".tabular table").forEach((table) => {
      const headings = [...table.querySelectorAll("thead th")].map((th) => th.textContent.trim());
      table.querySelectorAll("tbody tr").forEach((row) => {
        [...row.cells].forEach((cell, index) => {
          cell.querySelectorAll("input:not([type=hidden]), select, textarea").forEach((field) => {
            if (!labelText(field.id)) name(field, headings[index] || field.title);
          });
        });
      });
    });
  }

  // The rich-text editor: its writing area is named by its field's label; its toolbar's
  // icons are read by their labels, not their ligatures; a disabled button says so. The
  // toolbar speaks the admin's language, whatever the language of the text below it: its
  // names, which the editor writes in English, are translated (djangojs.po).
  function richText() {
    const { lang, dir } = document.documentElement;
    document.querySelectorAll(".prose-editor").forEach((editor) => {
      const field = editor.querySelector("textarea");
      const area = editor.querySelector("[contenteditable]");
      if (field && area) {
        name(area, labelText(field.id));
        set(area, "role", "textbox");
        set(area, "aria-multiline", "true");
      }
      editor.querySelectorAll(".prose-menubar").forEach((toolbar) => {
        set(toolbar, "lang", lang);
        set(toolbar, "dir", dir || "ltr");
      });
      editor.querySelectorAll(".prose-menubar button").forEach((button) => {
        for (const attribute of ["title", "aria-label"]) {
          const text = button.getAttribute(attribute);
          if (text) set(button, attribute, say(text));
        }
        if (button.classList.contains("material-icons")) {
          const glyph = button.firstChild;
          if (glyph && glyph.nodeType === Node.TEXT_NODE && glyph.textContent.trim()) {
            const icon = document.createElement("span");
            icon.setAttribute("aria-hidden", "true");
            icon.textContent = glyph.textContent;
            button.replaceChild(icon, glyph);
          }
          set(button, "aria-disabled", String(button.classList.contains("disabled")));
        } else {
          // A block type's choice shows its name in that block's style ("<h2>Heading 2</h2>").
          const shown = button.firstElementChild || button;
          const text = shown.childElementCount === 0 ? shown.textContent : "";
          if (text && say(text) !== text) shown.textContent = say(text);
        }
      });
    });
  }

  // The sortable inlines' "move to first / last position" icons (django-admin-sortable2)
  // answer clicks only: they are reached by Tab and pressed by Enter or Space too.
  function sortButtons() {
    document.querySelectorAll(".sort i[role=button]:not([tabindex])").forEach((button) => {
      button.tabIndex = 0;
      button.addEventListener("keydown", (event) => {
        if (event.key === "Enter" || event.key === " ") {
          event.preventDefault();
          button.click();
        }
      });
    });
  }

  function fix() {
    sortButtons();
    tabs();
    openWorkingLanguage();
    dateTimes();
    autocompletes();
    tabularInlines();
    richText();
  }

  // A refused save takes the keyboard to the first field at fault (or to the message
  // saying why, when no one field is), so that no one has to look for it.
  function focusFirstError() {
    const note = document.querySelector(".errornote");
    if (!note) return;
    const row = document.querySelector(".form-row.errors, .errors.form-row, tr.errors");
    const fields = row
      ? [row.querySelector("[contenteditable=true]"), ...row.querySelectorAll("input, select, textarea")]
      : [];
    const field = fields.find((f) => f && f.offsetParent !== null);
    if (field) {
      field.focus();
    } else {
      note.setAttribute("tabindex", "-1");
      note.focus();
    }
  }

  document.addEventListener("DOMContentLoaded", () => {
    fix();
    // After the widgets (tabs, editors) are built, which happens on load; and once more
    // a moment later if building them took the focus away again (moving a field blurs it).
    window.addEventListener("load", () => {
      requestAnimationFrame(focusFirstError);
      setTimeout(() => {
        if (!document.activeElement || document.activeElement === document.body) {
          focusFirstError();
        }
      }, 300);
    });
    // Straight after each change (observers run before the page is drawn or read again),
    // leaving out the changes made by fixing.
    const observer = new MutationObserver(() => {
      fix();
      observer.takeRecords();
    });
    observer.observe(document.body, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: ["class"],
    });
  });
})();
