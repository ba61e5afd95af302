// The article's "Copy link" button: hidden in the page, shown only where this script runs and the
// browser can write to the clipboard. Without it the share links work all the same.
(function () {
  if (!navigator.clipboard) {
    return;
  }
  document.querySelectorAll("button.copy-link").forEach(function (button) {
    var status = document.getElementById(button.getAttribute("aria-describedby"));
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(button.dataset.url).then(
        function () {
          status.textContent = "Link copied.";
        },
        function () {
          status.textContent = "Could not copy; the address is " + button.dataset.url;
        }
      );
    });
  });
})();
