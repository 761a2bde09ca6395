// A form that ends a step of the workflow (submit, accept, publish, reopen) asks first: its
// data-confirm is the question. Without JavaScript the form posts at once, as before.
document.addEventListener("submit", function (event) {
  var question = event.target.getAttribute && event.target.getAttribute("data-confirm");
  if (question && !window.confirm(question)) {
    event.preventDefault();
    event.stopImmediatePropagation();
  }
}, true);
