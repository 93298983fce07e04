// The guided session: plays the session's cues (embedded as JSON, never as markup) with a
// countdown. No framework and no network; text is only ever set with textContent.
(function () {
  "use strict";
  var source = document.getElementById("session-data");
  var root = document.getElementById("guided");
  if (!source || !root) { return; }
  var data = JSON.parse(source.textContent);
  var cues = data.timeline;
  // The item each cue belongs to (the same exercise may come back in several items).
  var itemOf = [];
  data.exercises.forEach(function (exercise, item) {
    for (var cue = exercise.first_cue; cue < cues.length; cue += 1) { itemOf[cue] = item; }
  });
  var KINDS = {
    "get-ready": "Get ready", "hold": "Hold", "move": "Move", "work": "Keep moving",
    "release": "Release", "rest": "Rest", "set-rest": "Rest between sets",
    "switch-sides": "Switch sides", "next-exercise": "Next exercise"
  };
  function find(name) { return root.querySelector("[data-role='" + name + "']"); }
  var view = {
    count: find("countdown"), kind: find("kind"), prompt: find("prompt"),
    exercise: find("exercise"), set: find("set"), repetition: find("repetition"),
    step: find("step"), bar: find("bar"), start: find("start"), back: find("back"),
    skip: find("skip"), sound: find("sound"), speech: find("speech")
  };
  var TICK = 100;
  var index = 0;
  var remaining = 0;
  var running = false;
  var finished = false;
  var last = 0;
  var timer = null;
  var audio = null;

  function clock(milliseconds) {
    var seconds = Math.max(0, Math.ceil(milliseconds / 1000 - 1e-9));
    var minutes = Math.floor(seconds / 60);
    var rest = seconds % 60;
    return minutes + ":" + (rest < 10 ? "0" : "") + rest;
  }

  function beep(high) {
    if (!view.sound.checked) { return; }
    try {
      if (audio === null) {
        var Context = window.AudioContext || window.webkitAudioContext;
        if (!Context) { return; }
        audio = new Context();
      }
      var oscillator = audio.createOscillator();
      var gain = audio.createGain();
      oscillator.frequency.value = high ? 880 : 660;
      gain.gain.value = 0.15;
      oscillator.connect(gain);
      gain.connect(audio.destination);
      oscillator.start();
      oscillator.stop(audio.currentTime + 0.15);
    } catch (error) {
      audio = null;
    }
  }

  function speak(text) {
    if (!view.speech.checked || !("speechSynthesis" in window)) { return; }
    window.speechSynthesis.cancel();
    window.speechSynthesis.speak(new window.SpeechSynthesisUtterance(text));
  }

  function showCount() { view.count.textContent = clock(remaining); }

  function show() {
    var cue = cues[index];
    var exercise = data.exercises[itemOf[index]];
    root.setAttribute("data-state", finished ? "done" : cue.kind);
    root.setAttribute("data-cue", finished ? String(cues.length) : String(index));
    if (finished) {
      view.kind.textContent = "Done";
      view.prompt.textContent = "Session complete. Well done.";
      view.count.textContent = clock(0);
      view.bar.value = cues.length;
      view.step.textContent = "Cue " + cues.length + " of " + cues.length;
      view.set.textContent = "";
      view.repetition.textContent = "";
      return;
    }
    view.kind.textContent = KINDS[cue.kind] || cue.kind;
    view.prompt.textContent = cue.prompt;
    view.exercise.textContent = "Exercise " + exercise.number + " of " + data.exercises.length +
      ": " + exercise.name;
    view.set.textContent = cue.set_number === null ? "" :
      "Set " + cue.set_number + " of " + exercise.sets;
    view.repetition.textContent = cue.repetition === null ? "" :
      "Repetition " + cue.repetition + " of " + exercise.repetitions;
    view.step.textContent = "Cue " + (index + 1) + " of " + cues.length;
    view.bar.value = index;
    showCount();
  }

  function controls() {
    view.start.textContent = running ? "Pause" : (finished ? "Start again" : (
      index === 0 && remaining === cues[0].duration_seconds * 1000 ? "Start" : "Resume"));
    view.start.setAttribute("aria-pressed", running ? "true" : "false");
    view.back.disabled = index === 0 && !finished;
    view.skip.disabled = finished;
  }

  function enter(next, announce) {
    finished = false;
    index = next;
    remaining = cues[index].duration_seconds * 1000;
    show();
    if (announce) {
      var kind = cues[index].kind;
      beep(kind === "hold" || kind === "work" || kind === "move");
      speak(cues[index].prompt);
    }
  }

  function finish() {
    finished = true;
    stop();
    remaining = 0;
    show();
    beep(true);
    speak("Session complete. Well done.");
  }

  function tick() {
    var now = Date.now();
    remaining -= now - last;
    last = now;
    while (running && remaining <= 0) {
      if (index + 1 >= cues.length) { finish(); return; }
      var over = -remaining;
      enter(index + 1, true);
      remaining -= over;
    }
    showCount();
  }

  function stop() {
    running = false;
    if (timer !== null) { window.clearInterval(timer); timer = null; }
    controls();
  }

  function start() {
    if (finished) { enter(0, false); }
    var fresh = index === 0 && remaining === cues[0].duration_seconds * 1000;
    running = true;
    last = Date.now();
    timer = window.setInterval(tick, TICK);
    controls();
    if (fresh) { beep(false); speak(cues[0].prompt); }
  }

  function toggle() { if (running) { stop(); } else { start(); } }

  function back() {
    enter(finished ? cues.length - 1 : Math.max(0, index - 1), running);
    last = Date.now();
    controls();
  }

  function skip() {
    if (finished) { return; }
    if (index + 1 >= cues.length) { finish(); return; }
    enter(index + 1, running);
    last = Date.now();
    controls();
  }

  view.start.addEventListener("click", toggle);
  view.back.addEventListener("click", back);
  view.skip.addEventListener("click", skip);
  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented) { return; }
    var tag = event.target && event.target.tagName;
    var native = tag === "BUTTON" || tag === "INPUT" || tag === "A" || tag === "SUMMARY";
    if ((event.key === " " || event.key === "k" || event.key === "K") && !(native && event.key === " ")) {
      event.preventDefault();
      toggle();
    } else if (event.key === "ArrowLeft" || event.key === "j" || event.key === "J") {
      event.preventDefault();
      back();
    } else if (event.key === "ArrowRight" || event.key === "l" || event.key === "L") {
      event.preventDefault();
      skip();
    }
  });
  if (!("speechSynthesis" in window)) {
    view.speech.disabled = true;
  }
  root.removeAttribute("data-static");
  enter(0, false);
  controls();
}());
