// The Respond page's form: its answers become an e-mail, opened in the reader's own e-mail
// program (a mailto: address), so that no server is needed. Without this script the form's
// button stays hidden, and the page offers a plain mailto: link and a form to print.
(function () {
  var form = document.querySelector("form.response-form");
  if (!form) return;
  form.querySelector(".response-actions").hidden = false;
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var lines = [];
    var name = form.elements.name.value.trim();
    var organisation = form.elements.organisation.value.trim();
    if (name) lines.push("Name: " + name);
    if (organisation) lines.push("Organisation: " + organisation);
    if (lines.length) lines.push("");
    form.querySelectorAll("textarea").forEach(function (answer) {
      var text = answer.value.trim();
      if (text) lines.push(answer.name + ": " + text, "");
    });
    var address = "mailto:" + form.dataset.email + "?subject=" + encodeURIComponent(form.dataset.subject)
      + "&body=" + encodeURIComponent(lines.join("\r\n"));
    window.location.href = address;
  });
})();
