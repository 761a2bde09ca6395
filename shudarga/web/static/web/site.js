// The workspace's few behaviours; without JavaScript every form still works, only these go.

// A form that ends a step of the workflow (submit, accept, publish, reopen) asks first: its
// data-confirm is the question.
document.addEventListener("submit", function (event) {
  var question = event.target.getAttribute && event.target.getAttribute("data-confirm");
  if (question && !window.confirm(question)) {
    event.preventDefault();
    event.stopImmediatePropagation();
  }
}, true);

// Typed but not saved: a measure of the report sheet (form.result-form) or any form marked
// data-keep. Leaving the page then asks first; saving one measure (htmx swaps only that
// measure) leaves what was typed in the others where it is.
var unsaved = new Set();
function kept(form) {
  return form && form.matches && form.matches("form.result-form, form[data-keep]");
}
document.addEventListener("input", function (event) {
  var form = event.target.form;
  if (kept(form)) unsaved.add(form);
});
document.addEventListener("submit", function (event) {
  unsaved.delete(event.target);
});
window.addEventListener("beforeunload", function (event) {
  for (var form of unsaved) {
    if (form.isConnected) {
      event.preventDefault();
      event.returnValue = "";
      return;
    }
  }
});
