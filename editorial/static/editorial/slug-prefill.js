'use strict';
// Fills an empty slug box from its source field as the editor types, by the rules
// editorial/slugs.py applies on the server (the rules arrive in data-slug-rule).
{
    const MAX_LENGTH = 100;

    function words(text) {
        // Dashes separate words as a hyphen does, as editorial/slugs.py has it.
        text = text.replace(/[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g, '-');
        return text.normalize('NFKD').replace(/[^\x00-\x7f]/g, '').toLowerCase()
            .replace(/[^a-z0-9\s-]/g, '').split(/[\s-]+/).filter(Boolean);
    }

    function join(parts) {
        const slug = parts.join('-');
        if (slug.length <= MAX_LENGTH) {
            return slug;
        }
        const cut = slug.slice(0, MAX_LENGTH + 1);
        const lastHyphen = cut.lastIndexOf('-');
        return (lastHyphen >= 0 ? cut.slice(0, lastHyphen) : cut).slice(0, MAX_LENGTH);
    }

    function slugify(text, rule) {
        if (rule.letters) {
            text = Array.from(text, (ch) => (ch in rule.letters ? rule.letters[ch] : ch)).join('');
            return join(words(text));
        }
        const all = words(text);
        const kept = all.filter((word) => !rule.stopWords.includes(word));
        return join(kept.length ? kept : all);
    }

    function connect(slugInput) {
        const source = document.getElementById('id_' + slugInput.dataset.slugSource);
        const rule = JSON.parse(slugInput.dataset.slugRule);
        if (!source || slugInput.value) {
            return;  // A saved slug is part of a published address: never rewrite it.
        }
        let edited = false;
        slugInput.addEventListener('input', () => { edited = true; });
        source.addEventListener('input', () => {
            if (!edited) {
                slugInput.value = slugify(source.value, rule);
            }
        });
    }

    window.addEventListener('load', () => {
        document.querySelectorAll('input[data-slug-source]').forEach(connect);
    });
}
