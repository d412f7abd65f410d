// Injected into a copy of the report by tests/cli/report_layout.sh and run
// by headless Chromium in a frame of the width under test: measures
// whether anything is wider than the frame, and whether every label of an
// SVG chart lies inside its SVG, and sends the result to the page around
// the frame (or, alone, writes it into <pre id="layout-result">).
(function () {
	var width = document.documentElement.clientWidth, problems = [], slack = 1;

	function describe(e) {
		var s = e.tagName.toLowerCase();
		if (e.id) s += '#' + e.id;
		if (e.getAttribute('class')) s += '.' + e.getAttribute('class').split(' ').join('.');
		return s + ' "' + (e.textContent || '').trim().slice(0, 40) + '"';
	}
	// An element inside a box that scrolls sideways is fine as long as that
	// box itself fits: the reader scrolls the box, not the page.
	function scroller(e) {
		for (var p = e.parentElement; p; p = p.parentElement) {
			var o = getComputedStyle(p).overflowX;
			if (o === 'auto' || o === 'scroll') return p;
		}
		return null;
	}
	if (document.documentElement.scrollWidth > width + slack)
		problems.push('page scrolls sideways: ' + document.documentElement.scrollWidth + ' > ' + width);
	var all = document.body.getElementsByTagName('*');
	for (var i = 0; i < all.length; i++) {
		var e = all[i], r = e.getBoundingClientRect(), box = scroller(e);
		if (r.width === 0 && r.height === 0) continue;
		if (e.closest && e.closest('svg') && e.tagName.toLowerCase() !== 'svg') continue;
		if (box) {
			var b = box.getBoundingClientRect();
			if (b.right > width + slack || b.left < -slack)
				problems.push('scroll box wider than the page: ' + describe(box));
			continue;
		}
		if (r.right > width + slack || r.left < -slack)
			problems.push('wider than the page (' + Math.round(r.left) + '..' + Math.round(r.right) +
				      ' of ' + width + '): ' + describe(e));
	}
	var labels = 0, texts = document.querySelectorAll('svg text');
	for (var j = 0; j < texts.length; j++) {
		var t = texts[j], svg = t.ownerSVGElement, tr = t.getBoundingClientRect(),
			sr = svg.getBoundingClientRect();
		labels++;
		if (tr.left < sr.left - slack || tr.right > sr.right + slack ||
		    tr.top < sr.top - slack || tr.bottom > sr.bottom + slack)
			problems.push('label outside its chart: "' + t.textContent + '" (' +
				      Math.round(tr.left - sr.left) + ',' + Math.round(tr.top - sr.top) + ' to ' +
				      Math.round(tr.right - sr.left) + ',' + Math.round(tr.bottom - sr.top) +
				      ' in ' + Math.round(sr.width) + 'x' + Math.round(sr.height) + ')');
	}
	var text = 'LAYOUT width=' + width + ' labels=' + labels + ' problems=' + problems.length +
		'\n' + problems.slice(0, 40).join('\n') + '\nEND';
	if (window.parent !== window) {
		window.parent.postMessage(text, '*');
	} else {
		var out = document.createElement('pre');
		out.id = 'layout-result';
		out.textContent = text;
		document.body.appendChild(out);
	}
})();
