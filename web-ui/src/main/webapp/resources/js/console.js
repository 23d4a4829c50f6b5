// Clicking a variable in the editor's panel inserts {{NAME}} at the cursor of the template field used last,
// then fires keyup so the live preview follows. Delegated listeners: nothing inline, so the page's CSP holds.
(function () {
  var lastField = null;
  document.addEventListener('focusin', function (e) {
    if (e.target.classList && e.target.classList.contains('template-field')) {
      lastField = e.target;
    }
  });
  document.addEventListener('click', function (e) {
    var button = e.target.closest ? e.target.closest('.insert-var') : null;
    if (!button) {
      return;
    }
    e.preventDefault();
    var field = lastField && document.body.contains(lastField) ? lastField : document.querySelector('textarea.template-field');
    if (!field) {
      return;
    }
    var text = '{{' + button.getAttribute('data-name') + '}}';
    var start = field.selectionStart == null ? field.value.length : field.selectionStart;
    var end = field.selectionEnd == null ? start : field.selectionEnd;
    field.value = field.value.slice(0, start) + text + field.value.slice(end);
    field.focus();
    field.setSelectionRange(start + text.length, start + text.length);
    field.dispatchEvent(new Event('input', { bubbles: true }));
    field.dispatchEvent(new KeyboardEvent('keyup', { bubbles: true }));
  });
})();
