// The console's few behaviours in the browser. The server checks everything again; without this file every form
// still works (all parts of the payment form are then shown).
(function () {
  "use strict";

  // htmx requests carry the session's CSRF token like the forms do
  document.addEventListener("htmx:configRequest", function (event) {
    var header = document.querySelector('meta[name="csrf-header"]');
    var token = document.querySelector('meta[name="csrf-token"]');
    if (header && token) {
      event.detail.headers[header.content] = token.content;
    }
  });

  // a page the session expired under goes to the login page whole, not into a fragment
  document.addEventListener("htmx:beforeSwap", function (event) {
    if (event.detail.xhr.responseURL && event.detail.xhr.responseURL.indexOf("/console/login") >= 0) {
      window.location.assign(event.detail.xhr.responseURL);
      event.detail.shouldSwap = false;
    }
  });

  function checked(form, name) {
    var input = form.querySelector('input[name="' + name + '"]:checked');
    return input ? input.value : null;
  }

  // the payment form shows the parts the chosen method and currency need
  function showParts(form) {
    var method = checked(form, "method");
    var currency = checked(form, "currency");
    form.querySelectorAll("fieldset[data-method]").forEach(function (part) {
      var forMethod = part.dataset.method.split(" ").indexOf(method) >= 0;
      var forCurrency = !part.dataset.currency || part.dataset.currency === currency;
      part.hidden = !(forMethod && forCurrency);
    });
  }

  // what the pieces counted add up to, in minor units so that no binary fraction creeps in
  function showCounted(form) {
    form.querySelectorAll("fieldset.cash").forEach(function (part) {
      var decimals = part.dataset.currency === "KWD" ? 3 : 2;
      var unit = Math.pow(10, decimals);
      var minor = 0;
      part.querySelectorAll("input.pieces").forEach(function (input) {
        var pieces = parseInt(input.value, 10);
        if (pieces > 0) {
          minor += pieces * Math.round(parseFloat(input.dataset.value) * unit);
        }
      });
      var out = part.querySelector("output");
      var whole = Math.floor(minor / unit).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",");
      var fraction = (minor % unit).toString().padStart(decimals, "0");
      out.textContent = whole + "." + fraction + " " + part.dataset.currency;
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var form = document.getElementById("payment-form");
    if (form) {
      showParts(form);
      showCounted(form);
      form.addEventListener("change", function () { showParts(form); showCounted(form); });
      form.addEventListener("input", function () { showCounted(form); });
    }
    if (document.body.dataset.autoprint === "true") {
      window.print();
    }
  });
})();
