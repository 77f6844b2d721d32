// The printable page's Print button: shown only when this script runs (it is `hidden` in the HTML,
// so readers without JavaScript never see a button that does nothing), and it opens the browser's
// print dialog only when pressed, never on load.
document.querySelectorAll("[data-print-button]").forEach(function (button) {
  button.hidden = false;
  button.addEventListener("click", function () { window.print(); });
});
