extension InteractiveFloorPlan {
    /// The page's style: a side panel and the plan filling the window.
    static let style = """
        html, body { height: 100%; margin: 0; }
        body { display: flex; font-family: "DejaVu Sans", Arial, Helvetica, sans-serif; color: #1a1a1a; }
        #side { width: 22em; flex: none; overflow-y: auto; padding: 0.8em 1em; border-right: 1px solid #ccc; box-sizing: border-box; }
        #side h1 { font-size: 1.1em; margin: 0 0 0.6em; }
        #search, #pavilion { width: 100%; box-sizing: border-box; font-size: 1em; padding: 0.3em; margin-bottom: 0.5em; }
        #matches { list-style: none; padding: 0; margin: 0 0 0.6em; }
        #matches li { cursor: pointer; padding: 0.15em 0.3em; }
        #matches li:hover { background: #eef; }
        fieldset { border: 1px solid #ccc; margin: 0.4em 0; }
        fieldset label { display: block; }
        #details h2 { font-size: 1.05em; margin: 0.8em 0 0.2em; }
        #details p { margin: 0.2em 0; }
        #plan { flex: 1; position: relative; overflow: hidden; cursor: grab; background: #fff; }
        #plan svg { width: 100%; height: 100%; display: block; touch-action: none; }
        #plan.dragging { cursor: grabbing; }
        #zoom { position: fixed; right: 1em; top: 1em; }
        #zoom button { font-size: 1.1em; min-width: 2em; margin-left: 0.2em; }
        g.stand { cursor: pointer; }
        g.stand.dim { opacity: 0.15; }
        g.stand.match > rect { stroke: #CC3311; stroke-width: 3px; vector-effect: non-scaling-stroke; }
        g.stand.selected > rect { stroke: #000; stroke-width: 4px; vector-effect: non-scaling-stroke; }
        g.route.hidden { display: none; }
        @media print { #side, #zoom { display: none; } }

        """

    /// The page's script: vanilla JavaScript, no library, everything from the page.
    static let script = #"""
        (function () {
          'use strict';
          var data = JSON.parse(document.getElementById('plan-data').textContent);
          var words = data.words;
          var plan = document.getElementById('plan');
          var svg = plan.querySelector('svg');
          var home = svg.viewBox.baseVal;
          var full = { x: home.x, y: home.y, w: home.width, h: home.height };
          var view = { x: full.x, y: full.y, w: full.w, h: full.h };
          var byNumber = {};
          data.stands.forEach(function (s) { byNumber[s.number] = { info: s, g: null }; });
          Array.prototype.forEach.call(svg.querySelectorAll('g.stand'), function (g) {
            var title = g.querySelector('title');
            if (!title) { return; }
            var number = title.textContent.split(' \u2014 ')[0];
            if (byNumber[number]) {
              byNumber[number].g = g;
              g.setAttribute('data-stand', number);
              g.addEventListener('click', function () { if (!dragged) { select(number, false); } });
            }
          });
          var pavilionNames = {};
          data.pavilions.forEach(function (p) { pavilionNames[p.id] = p.name; });

          function apply() { svg.setAttribute('viewBox', view.x + ' ' + view.y + ' ' + view.w + ' ' + view.h); }
          function zoom(factor, cx, cy) {
            var w = Math.min(full.w * 2, Math.max(full.w / 60, view.w * factor));
            var h = w * full.h / full.w;
            if (cx === undefined) { cx = view.x + view.w / 2; cy = view.y + view.h / 2; }
            view.x = cx - (cx - view.x) * w / view.w;
            view.y = cy - (cy - view.y) * h / view.h;
            view.w = w; view.h = h;
            apply();
          }
          function centreOn(box) {
            var w = Math.min(full.w, Math.max(box.width * 4, box.height * 4 * full.w / full.h, full.w / 5));
            var h = w * full.h / full.w;
            view = { x: box.x + box.width / 2 - w / 2, y: box.y + box.height / 2 - h / 2, w: w, h: h };
            apply();
          }
          function toPlan(event) {
            var point = svg.createSVGPoint();
            point.x = event.clientX; point.y = event.clientY;
            return point.matrixTransform(svg.getScreenCTM().inverse());
          }

          function text(tag, content, className) {
            var node = document.createElement(tag);
            node.textContent = content;
            if (className) { node.className = className; }
            return node;
          }
          function showDetails(entry) {
            var details = document.getElementById('details');
            details.textContent = '';
            var s = entry.info;
            details.appendChild(text('h2', s.exhibitor));
            details.appendChild(text('p', words.stand + ' ' + s.number));
            details.appendChild(text('p', words.pavilion + ' \u00B7 ' + (pavilionNames[s.pavilion] || s.pavilion)));
            if (s.themes.length) { details.appendChild(text('p', words.themes + ' \u00B7 ' + s.themes.join(', '))); }
            if (s.pitch) { details.appendChild(text('p', s.pitch, 'pitch')); }
            details.appendChild(text('h2', words.events));
            if (!s.events.length) { details.appendChild(text('p', words.noEvents)); return; }
            var list = document.createElement('ul');
            s.events.forEach(function (e) { list.appendChild(text('li', e)); });
            details.appendChild(list);
          }
          function select(number, centre) {
            var entry = byNumber[number];
            if (!entry || !entry.g) { return; }
            Array.prototype.forEach.call(svg.querySelectorAll('g.stand.selected'), function (g) { g.classList.remove('selected'); });
            entry.g.classList.add('selected');
            showDetails(entry);
            if (centre) { centreOn(entry.g.getBBox()); }
          }

          function fold(s) { return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase(); }
          var search = document.getElementById('search');
          var matches = document.getElementById('matches');
          search.addEventListener('input', function () {
            var query = fold(search.value.trim());
            matches.textContent = '';
            var found = [];
            Object.keys(byNumber).forEach(function (number) {
              var entry = byNumber[number];
              if (!entry.g) { return; }
              var hit = query.length > 0 && fold(entry.info.exhibitor).indexOf(query) >= 0;
              entry.g.classList.toggle('match', hit);
              if (hit) { found.push(entry); }
            });
            found.sort(function (a, b) { return a.info.exhibitor.localeCompare(b.info.exhibitor); });
            if (query.length > 0 && !found.length) { matches.appendChild(text('li', words.noMatch)); }
            found.slice(0, 12).forEach(function (entry) {
              var item = text('li', entry.info.exhibitor + ' \u00B7 ' + entry.info.number);
              item.addEventListener('click', function () { select(entry.info.number, true); });
              matches.appendChild(item);
            });
            var exact = found.filter(function (e) { return fold(e.info.exhibitor) === query; })[0];
            if (exact || found.length === 1) { select((exact || found[0]).info.number, true); }
          });

          var pavilion = document.getElementById('pavilion');
          pavilion.appendChild(text('option', words.allPavilions));
          pavilion.firstChild.value = '';
          data.pavilions.forEach(function (p) {
            var option = text('option', p.name);
            option.value = p.id;
            pavilion.appendChild(option);
          });
          pavilion.addEventListener('change', function () {
            Object.keys(byNumber).forEach(function (number) {
              var entry = byNumber[number];
              if (entry.g) { entry.g.classList.toggle('dim', pavilion.value !== '' && entry.info.pavilion !== pavilion.value); }
            });
          });

          var routeGroups = svg.querySelectorAll('g.route');
          var routes = document.getElementById('routes');
          data.routes.forEach(function (r, i) {
            var group = routeGroups[i];
            if (!group) { return; }
            group.classList.add('hidden');
            var label = document.createElement('label');
            var box = document.createElement('input');
            box.type = 'checkbox';
            box.id = 'route-' + i;
            box.addEventListener('change', function () { group.classList.toggle('hidden', !box.checked); });
            label.appendChild(box);
            label.appendChild(document.createTextNode(' ' + r.name + ' \u00B7 ' + r.when));
            routes.appendChild(label);
          });
          if (!data.routes.length) { routes.style.display = 'none'; }

          var dragged = false, start = null;
          svg.addEventListener('wheel', function (event) {
            event.preventDefault();
            var at = toPlan(event);
            zoom(event.deltaY > 0 ? 1.2 : 1 / 1.2, at.x, at.y);
          }, { passive: false });
          svg.addEventListener('pointerdown', function (event) {
            start = { x: event.clientX, y: event.clientY, view: { x: view.x, y: view.y, w: view.w, h: view.h } };
            dragged = false;
          });
          window.addEventListener('pointermove', function (event) {
            if (!start) { return; }
            var dx = event.clientX - start.x, dy = event.clientY - start.y;
            if (!dragged && Math.abs(dx) + Math.abs(dy) < 4) { return; }
            dragged = true;
            plan.classList.add('dragging');
            var scale = start.view.w / svg.getBoundingClientRect().width;
            view.x = start.view.x - dx * scale;
            view.y = start.view.y - dy * scale;
            apply();
          });
          window.addEventListener('pointerup', function () {
            start = null;
            plan.classList.remove('dragging');
            setTimeout(function () { dragged = false; }, 0);
          });
          document.getElementById('zoom-in').addEventListener('click', function () { zoom(1 / 1.5); });
          document.getElementById('zoom-out').addEventListener('click', function () { zoom(1.5); });
          document.getElementById('zoom-reset').addEventListener('click', function () {
            view = { x: full.x, y: full.y, w: full.w, h: full.h };
            apply();
          });
        })();

        """#
}
