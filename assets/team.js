/* The team page (src/web/team_page.c), made quicker where a browser runs
 * scripts: choosing a heatmap cell or a sort order fetches the same page
 * and swaps in its heatmap and explanation, without reloading the rest or
 * losing the place. Without this script the links load the page, which
 * shows the same. */
(function () {
	"use strict";

	var heat = document.querySelector("section.heatmap");
	if (!heat || !window.fetch || !window.DOMParser || !history.pushState)
		return;

	function swap(doc, focusExplain) {
		var newHeat = doc.querySelector("section.heatmap");
		var oldExplain = document.getElementById("explain");
		var newExplain = doc.getElementById("explain");
		var cur = document.querySelector("section.heatmap");

		if (!newHeat)
			return false;
		cur.replaceWith(document.importNode(newHeat, true));
		if (oldExplain)
			oldExplain.remove();
		if (newExplain) {
			var e = document.importNode(newExplain, true);
			document.querySelector("section.heatmap").after(e);
			if (focusExplain) {
				e.focus();
				e.scrollIntoView({ block: "start" });
			}
		}
		return true;
	}

	/* After a swap the link that was chosen is gone: the focus goes to
	 * its namesake in the new heatmap, else to the heatmap's box. */
	function refocus(href) {
		var links = document.querySelectorAll("section.heatmap a");
		for (var i = 0; i < links.length; i++)
			if (links[i].href === href) {
				links[i].focus();
				return;
			}
		var box = document.querySelector("section.heatmap .heat-wrap");
		if (box)
			box.focus();
	}

	/* The cell whose explanation is open: closing it (its link, or
	 * Escape) gives the focus back to that cell, where the user was. */
	var opener = null;

	function close(href) {
		var sel = document.querySelector("section.heatmap td.sel a");
		var back = opener || (sel ? sel.href : null);

		opener = null;
		return load(href, false, true).then(function () {
			refocus(back || href);
		});
	}

	function load(href, focusExplain, push) {
		return fetch(href, { credentials: "same-origin" }).then(function (r) {
			if (!r.ok || r.redirected)
				throw new Error("status " + r.status);
			return r.text();
		}).then(function (text) {
			var doc = new DOMParser().parseFromString(text, "text/html");
			if (!swap(doc, focusExplain))
				throw new Error("no heatmap");
			if (push)
				history.pushState({ team: true }, "", href);
		});
	}

	document.addEventListener("click", function (ev) {
		var a = ev.target.closest && ev.target.closest("section.heatmap td a, " +
			"section.heatmap .sorts a, section.heatmap thead a, #explain a.close");
		if (!a || ev.defaultPrevented || ev.button !== 0 || ev.metaKey || ev.ctrlKey ||
		    ev.shiftKey || ev.altKey)
			return;
		ev.preventDefault();
		var isCell = a.closest("td") !== null;
		var href = a.href;
		if (a.classList.contains("close")) {
			close(href).catch(function () {
				window.location.href = href;
			});
			return;
		}
		if (isCell)
			opener = href;
		load(href, isCell, true).then(function () {
			if (!isCell)
				refocus(href);
		}).catch(function () {
			window.location.href = href;
		});
	});

	/* Escape closes an open explanation, as its close link does. */
	document.addEventListener("keydown", function (ev) {
		var ex = document.getElementById("explain");
		var link = ex && ex.querySelector("a.close");

		if (ev.key !== "Escape" || !link || ev.defaultPrevented)
			return;
		ev.preventDefault();
		close(link.href).catch(function () {
			window.location.href = link.href;
		});
	});

	window.addEventListener("popstate", function () {
		load(window.location.href, false, false).catch(function () {
			window.location.reload();
		});
	});
})();
