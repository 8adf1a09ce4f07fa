// Updates the status panel in place as answers change. The form works without this file:
// every button is a plain form post.
(function () {
  "use strict";
  var form = document.getElementById("questionnaire");
  var panel = document.getElementById("status");
  if (!form || !panel || !window.fetch || !window.FormData) {
    return;
  }
  var timer = null;
  var latest = 0;

  function refresh() {
    var mine = ++latest;
    fetch("/preview", { method: "POST", body: new FormData(form), credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) {
          throw new Error("status " + response.status);
        }
        return response.text();
      })
      .then(function (html) {
        if (mine === latest) {
          panel.innerHTML = html; // made by the server, every value escaped there
        }
      })
      .catch(function () {
        // Leave the panel as it was; "Check my answers" still works.
      });
  }

  function later() {
    window.clearTimeout(timer);
    timer = window.setTimeout(refresh, 250);
  }

  // A list question: ticking an option means "these"; "none" or "don't know" clears the ticks.
  function keepListConsistent(field) {
    var mode;
    if (field.type === "checkbox" && field.checked) {
      mode = form.querySelector('input[type="radio"][name="' + field.name + '--answer"][value="chosen"]');
      if (mode) {
        mode.checked = true;
      }
    } else if (field.type === "radio" && /--answer$/.test(field.name) && field.value !== "chosen") {
      var key = field.name.slice(0, -"--answer".length);
      form.querySelectorAll('input[type="checkbox"][name="' + key + '"]').forEach(function (box) {
        box.checked = false;
      });
    }
  }

  form.addEventListener("change", function (event) {
    keepListConsistent(event.target);
    later();
  });
  form.addEventListener("input", function (event) {
    if (event.target.tagName === "TEXTAREA" || event.target.type === "text") {
      later();
    }
  });
  document.documentElement.className += " js";
})();
