// Adds a row to a list of the meeting form (attendance, agenda items, follow-ups) in the browser, as the "add"
// buttons do on the server without scripts: the last row is copied, renumbered (attendees[2].name → attendees[3].name,
// with its ids, labels and hints), emptied, and focused. Without this script the buttons post the form back instead.
(function () {
    'use strict';
    var bengaliDigits = '০১২৩৪৫৬৭৮৯';

    function idOf(name) { return 'field-' + name.replace(/[^A-Za-z0-9]/g, '-'); }

    function digits(n) {
        var text = String(n);
        return document.documentElement.lang === 'bn' ? text.replace(/[0-9]/g, function (d) { return bengaliDigits[+d]; }) : text;
    }

    function rowsOf(container) {
        return Array.prototype.filter.call(container.children, function (child) { return child.hasAttribute('data-row'); });
    }

    // Every attribute that names the row: input names, ids and the references to them, the nested lists' prefixes.
    function renumber(element, prefix, from, to) {
        var nameFrom = prefix + '[' + from + ']', nameTo = prefix + '[' + to + ']';
        var idFrom = idOf(prefix) + '-' + from + '-', idTo = idOf(prefix) + '-' + to + '-';
        [element].concat(Array.prototype.slice.call(element.querySelectorAll('*'))).forEach(function (node) {
            ['name', 'data-row', 'data-rows', 'data-add', 'data-field', 'value'].forEach(function (attribute) {
                var value = node.getAttribute(attribute);
                if (value && value.indexOf(nameFrom) === 0) node.setAttribute(attribute, nameTo + value.slice(nameFrom.length));
            });
            ['id', 'for', 'aria-describedby', 'formaction'].forEach(function (attribute) {
                var value = node.getAttribute(attribute);
                if (value) node.setAttribute(attribute, value.split(idFrom).join(idTo));
            });
        });
    }

    function empty(row, number) {
        row.querySelectorAll('.field-error, ul.done-follow-ups').forEach(function (node) { node.remove(); });
        row.querySelectorAll('.field-invalid').forEach(function (node) { node.classList.remove('field-invalid'); });
        row.querySelectorAll('[aria-invalid]').forEach(function (node) { node.removeAttribute('aria-invalid'); });
        row.querySelectorAll('[aria-describedby]').forEach(function (node) {
            var kept = node.getAttribute('aria-describedby').split(' ').filter(function (id) { return !/-error$/.test(id); });
            if (kept.length) node.setAttribute('aria-describedby', kept.join(' ')); else node.removeAttribute('aria-describedby');
        });
        row.querySelectorAll('input, textarea, select').forEach(function (input) {
            if (input.type === 'checkbox') input.checked = true;
            else if (input.tagName === 'SELECT') input.selectedIndex = 0;
            else if (input.type !== 'hidden') input.value = '';
        });
        // A copied agenda item starts with one empty follow-up row.
        row.querySelectorAll('[data-rows]').forEach(function (nested) {
            rowsOf(nested).slice(1).forEach(function (extra) { extra.remove(); });
        });
        [row].concat(Array.prototype.slice.call(row.querySelectorAll('[data-label]'))).forEach(function (node) {
            if (node.hasAttribute('data-label') && node.closest('[data-row]') === row) node.textContent = node.getAttribute('data-label').replace('{0}', digits(number));
        });
    }

    document.addEventListener('click', function (event) {
        var button = event.target.closest('button[data-add]');
        if (!button) return;
        var list = button.getAttribute('data-add');
        var container = Array.prototype.find.call(document.querySelectorAll('[data-rows]'), function (c) { return c.getAttribute('data-rows') === list; });
        var rows = container ? rowsOf(container) : [];
        if (!rows.length) return; // nothing to copy: let the button post the form
        event.preventDefault();
        var last = rows[rows.length - 1];
        var from = +/\[(\d+)\]$/.exec(last.getAttribute('data-row'))[1];
        var row = last.cloneNode(true);
        renumber(row, list, from, rows.length);
        empty(row, rows.length + 1);
        container.appendChild(row);
        var first = row.querySelector('input:not([type=hidden]):not([type=checkbox]), textarea, select');
        if (first) first.focus();
    });
})();
