// The page's one script: send a dropped or picked file, show the progress while the server reads and
// scores it, then open its page. Everything else on the page is plain forms. No request leaves this server.
"use strict";

(function () {
  function fill(text, values) {
    return text.replace(/\{(\w+)\}/g, function (all, key) { return key in values ? values[key] : all; });
  }

  function progress(box) {
    var shown = box.querySelector("#progress");
    var stage = box.querySelector("#stage");
    var bar = box.querySelector("#bar");
    var problem = box.querySelector("#problem");
    return {
      stage: function (name, percent) {
        problem.hidden = true;
        shown.hidden = false;
        stage.textContent = fill(shown.dataset[name] || name, { pct: String(percent || 0) });
        if (name === "upload") { bar.value = percent || 0; } else { bar.removeAttribute("value"); }
      },
      fail: function (message) {
        shown.hidden = true;
        problem.textContent = message || shown.dataset.failed;
        problem.hidden = false;
      }
    };
  }

  // A refusal made before any route ran (another host or origin) is a page holding one message.
  function refusal(text) {
    var found = new DOMParser().parseFromString(text || "", "text/html").querySelector(".problem");
    return found ? found.textContent : "";
  }

  function follow(statusUrl, pageUrl, show, done) {
    fetch(statusUrl, { cache: "no-store" })
      .then(function (answer) { return answer.json(); })
      .then(function (status) {
        if (status.state === "ready") { window.location.assign(pageUrl); return; }
        if (status.state === "failed") { show.fail(status.error); done(); return; }
        show.stage(status.stage);
        window.setTimeout(function () { follow(statusUrl, pageUrl, show, done); }, 250);
      })
      .catch(function () { show.fail(""); done(); });
  }

  function start(form) {
    var input = form.querySelector("#file");
    var drop = form.querySelector("#drop");
    var show = progress(form);
    var busy = false;

    function send(file) {
      if (busy || !file) { return; }
      var name = file.name;
      var dot = name.lastIndexOf(".");
      var suffix = dot >= 0 ? name.slice(dot).toLowerCase() : "";
      var yaml = suffix === ".yaml" || suffix === ".yml";
      if ([".txt", ".md", ".markdown", ".pdf", ".docx", ".yaml", ".yml"].indexOf(suffix) < 0) {
        show.fail(fill(form.dataset.wrongKind, { name: name }));
        return;
      }
      var limit = Number(yaml ? form.dataset.yamlLimit : form.dataset.draftLimit);
      if (file.size > limit) {
        show.fail(fill(form.dataset.tooLarge, { name: name, limit: yaml ? form.dataset.yamlMb : form.dataset.draftMb }));
        return;
      }
      busy = true;
      var query = new URLSearchParams({
        name: name,
        lang: form.querySelector("#lang").value,
        industry: form.querySelector("#industry").value,
        standard: form.querySelector("#standard").value
      });
      var request = new XMLHttpRequest();
      request.open("POST", "/upload?" + query.toString());
      request.setRequestHeader("Content-Type", "application/octet-stream");
      request.upload.onprogress = function (event) {
        if (event.lengthComputable) { show.stage("upload", Math.round(100 * event.loaded / event.total)); }
      };
      request.onload = function () {
        var answer = null;
        try { answer = JSON.parse(request.responseText); } catch (ignored) { answer = null; }
        if (request.status === 202 && answer) {
          follow(answer.status, answer.page, show, function () { busy = false; input.value = ""; });
          return;
        }
        show.fail(answer && answer.error ? answer.error : refusal(request.responseText));
        busy = false;
        input.value = "";
      };
      request.onerror = function () { show.fail(""); busy = false; input.value = ""; };
      show.stage("upload", 0);
      request.send(file);
    }

    input.addEventListener("change", function () { send(input.files[0]); });
    drop.addEventListener("dragover", function (event) { event.preventDefault(); drop.classList.add("over"); });
    drop.addEventListener("dragleave", function () { drop.classList.remove("over"); });
    drop.addEventListener("drop", function (event) {
      event.preventDefault();
      drop.classList.remove("over");
      if (event.dataTransfer && event.dataTransfer.files.length) { send(event.dataTransfer.files[0]); }
    });
  }

  function wait(box) {
    var show = progress(box);
    if (!box.querySelector("#problem").hidden) { return; }
    show.stage("read");
    follow(box.dataset.status, box.dataset.page, show, function () {});
  }

  document.addEventListener("DOMContentLoaded", function () {
    var form = document.getElementById("upload");
    if (form) { start(form); }
    var working = document.getElementById("working");
    if (working) { wait(working); }
  });
})();
