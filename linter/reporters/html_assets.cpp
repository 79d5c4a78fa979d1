// The report's inline stylesheet and script. Inline because the report is one file that opens
// from disk, a mail or a CI artifact, under a Content-Security-Policy that fetches nothing.
#include "linter/reporters/html_internal.h"

namespace brandlint::html {

std::string page_css() {
  return R"CSS(
:root{--ink:#1b2230;--muted:#5b6474;--line:#e3e6eb;--bg:#f5f6f8;--card:#fff;--navy:#0f1b33;
--pass:#0cce6b;--pass-ink:#08753d;--avg:#ffa400;--avg-ink:#a14a00;--fail:#ff4e42;--fail-ink:#b3261e;
--err-bg:#fdecea;--err-line:#f3b5ae;--err-ink:#a11d16;--warn-bg:#fff5d6;--warn-line:#efc65b;
--warn-ink:#734d00;--info-bg:#eaf1ff;--info-line:#b6ccff;--info-ink:#1d4ed8;--mark:#ffe066}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--ink);font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
a{color:#1d4ed8}
code,pre,.where,.mono{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,"DejaVu Sans Mono",monospace;font-size:.86em}
.wrap{max-width:1120px;margin:0 auto;padding:0 24px}
header.top{background:var(--navy);color:#fff;padding:28px 0 24px}
header.top .kicker{margin:0;text-transform:uppercase;letter-spacing:.08em;font-size:12px;color:#aab6cf}
header.top h1{margin:4px 0 12px;font-size:30px;font-weight:650}
header.top h1 .ver{font-weight:400;color:#c9d2e4;font-size:20px;margin-left:8px}
dl.meta{display:flex;flex-wrap:wrap;gap:6px 28px;margin:0 0 16px;font-size:13px}
dl.meta div{display:flex;gap:6px}dl.meta dt{color:#aab6cf}dl.meta dd{margin:0;word-break:break-all}
.badges{display:flex;flex-wrap:wrap;gap:8px;margin:0}
.badge{display:inline-flex;align-items:baseline;gap:6px;padding:5px 12px;border-radius:6px;border:1px solid;font-size:14px}
.badge b{font-size:18px}
.badge.error{background:var(--err-bg);border-color:var(--err-line);color:var(--err-ink)}
.badge.warning{background:var(--warn-bg);border-color:var(--warn-line);color:var(--warn-ink)}
.badge.info{background:var(--info-bg);border-color:var(--info-line);color:var(--info-ink)}
main{padding:24px 0 40px}
h2{font-size:22px;margin:0 0 4px}h3{font-size:16px;margin:22px 0 10px}h4{font-size:14px;margin:0 0 8px;color:var(--muted);font-weight:600}
section.card{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:22px 24px;margin:0 0 22px}
.overview{display:grid;grid-template-columns:repeat(auto-fill,minmax(150px,1fr));gap:12px;margin:6px 0 0;padding:0;list-style:none}
.overview a.tile{display:flex;flex-direction:column;align-items:center;text-align:center;padding:12px 8px;border:1px solid var(--line);border-radius:8px;color:inherit;text-decoration:none;background:#fbfcfd}
.overview a.tile:hover{border-color:#9fb0cc}
.overview .formats{display:block;text-align:center;font-size:12.5px;margin-top:6px}.overview .formats a{margin:0 4px}
.overview .name{font-weight:600;margin-top:4px}.overview .sub{font-size:12px;color:var(--muted)}
.formula-note{font-size:12.5px;color:var(--muted);margin:14px 0 0}
svg.gauge .track{fill:none;stroke:#e6e9ee;stroke-width:10}
svg.gauge .arc{fill:none;stroke-width:10;stroke-linecap:round}
svg.gauge text{font-size:34px;font-weight:650;fill:var(--muted)}
svg.gauge.pass .arc{stroke:var(--pass)}svg.gauge.pass text{fill:var(--pass-ink)}
svg.gauge.average .arc{stroke:var(--avg)}svg.gauge.average text{fill:var(--avg-ink)}
svg.gauge.fail .arc{stroke:var(--fail)}svg.gauge.fail text{fill:var(--fail-ink)}
.chead{display:flex;gap:20px;align-items:center}
.chead .facts{margin:2px 0 0;color:var(--muted);font-size:14px}
.chead .calc{margin:6px 0 0;font-size:12.5px;color:var(--muted)}
.chead .badges{margin-top:8px}.chead .badge{padding:2px 9px;font-size:13px}.chead .badge b{font-size:14px}
ol.findings{list-style:none;margin:0;padding:0;display:flex;flex-direction:column;gap:12px}
li.finding{border:1px solid var(--line);border-left:5px solid var(--info-line);border-radius:8px;padding:12px 16px;background:#fff}
li.finding.sev-error{border-left-color:var(--fail)}li.finding.sev-warning{border-left-color:var(--avg)}
.fhead{display:flex;flex-wrap:wrap;align-items:center;gap:8px 12px;font-size:13px}
.sev{font-weight:650;text-transform:uppercase;font-size:11px;letter-spacing:.05em;padding:2px 7px;border-radius:4px}
.sev.error{background:var(--err-bg);color:var(--err-ink)}.sev.warning{background:var(--warn-bg);color:var(--warn-ink)}.sev.info{background:var(--info-bg);color:var(--info-ink)}
.fhead .rule{font-family:ui-monospace,Menlo,Consolas,monospace;text-decoration:none}
.fhead .where{color:var(--muted);word-break:break-all}
p.msg{margin:6px 0 8px;font-size:15px}
.context{display:flex;flex-wrap:wrap;gap:14px;align-items:flex-start}
figure.thumb{margin:0;border:1px solid var(--line);border-radius:6px;padding:6px;background:repeating-conic-gradient(#f1f2f4 0 25%,#fff 0 50%) 0 0/16px 16px}
figure.thumb img{display:block;max-width:320px;height:auto}
figure.thumb figcaption{font-size:12px;color:var(--muted);margin-top:4px}
.nopreview{font-size:12.5px;color:var(--muted);font-style:italic}
.swatches{display:flex;align-items:center;gap:12px;flex-wrap:wrap}
.sw{display:flex;align-items:center;gap:8px}
.chip{display:inline-block;width:36px;height:36px;border-radius:6px;border:1px solid rgba(0,0,0,.15);flex:none}
.legend .chip{width:12px;height:12px;border-radius:3px;vertical-align:-1px;margin-right:6px}
.sw small{display:block;color:var(--muted);font-size:11px;text-transform:uppercase;letter-spacing:.04em}
.sw b{font-weight:600;font-size:13.5px}
.de{font-size:13px;background:#f1f3f6;border-radius:12px;padding:2px 10px;white-space:nowrap}
pre.snippet{margin:0;padding:8px 12px;background:#f7f8fa;border:1px solid var(--line);border-radius:6px;white-space:pre-wrap;word-break:break-word;max-width:100%;flex:1 1 420px}
pre.snippet .ln{color:#98a1b0;margin-right:12px;user-select:none}
mark{background:var(--mark);color:inherit;border-radius:2px;padding:0 1px;box-shadow:0 1px 0 #e0b400}
details.evidence{margin-top:8px;font-size:13px}
details.evidence summary,details.passed summary,details.doc summary{cursor:pointer;color:var(--muted)}
table.kv{border-collapse:collapse;margin-top:6px}table.kv td,table.kv th{text-align:left;padding:2px 14px 2px 0;vertical-align:top}
table.kv th{color:var(--muted);font-weight:500}
details.more{margin-top:12px}details.more>summary{cursor:pointer;color:#1d4ed8;font-weight:600;padding:6px 0}
details.more>ol{margin-top:8px}
details.passed{margin-top:16px}details.passed ul{columns:2 320px;margin:8px 0 0;padding-left:18px;font-size:13px}
p.empty{color:var(--pass-ink);margin:4px 0}
.brand-use{display:grid;grid-template-columns:minmax(0,3fr) minmax(0,2fr);gap:24px;margin:18px 0 4px;padding:14px 16px;background:#fafbfc;border:1px solid var(--line);border-radius:8px}
.brand-use.single{grid-template-columns:1fr}
.bar{display:flex;height:16px;border-radius:4px;overflow:hidden;background:#eef0f3;border:1px solid var(--line)}
.bar span{display:block;height:100%}
.chip.bar-off{background:repeating-linear-gradient(45deg,#b0b6c0 0 4px,#d5d9df 4px 8px)}
.chip.bar-rest{background:#eef0f3;border:1px dashed #8a93a0}
ul.legend{list-style:none;margin:8px 0 0;padding:0;display:flex;flex-wrap:wrap;gap:4px 16px;font-size:13px}
dl.voice{display:grid;grid-template-columns:repeat(auto-fill,minmax(120px,1fr));gap:8px;margin:0}
dl.voice div{background:#fff;border:1px solid var(--line);border-radius:6px;padding:6px 10px}
dl.voice dt{font-size:11.5px;color:var(--muted)}dl.voice dd{margin:0;font-size:17px;font-weight:600}
ul.drift{margin:8px 0 14px;padding-left:20px}ul.drift li{margin:3px 0}
.matrix-wrap{overflow-x:auto}
table.matrix{border-collapse:collapse;font-size:13.5px;min-width:100%}
table.matrix th,table.matrix td{padding:6px 10px;border-bottom:1px solid var(--line);text-align:right;white-space:nowrap}
table.matrix th:first-child{text-align:left}table.matrix thead th{color:var(--muted);font-weight:600;vertical-align:bottom;white-space:normal;min-width:70px;max-width:110px;font-size:12.5px;line-height:1.3}
table.matrix td.drift{background:var(--warn-bg);color:var(--warn-ink);font-weight:650;box-shadow:inset 0 0 0 2px var(--warn-line)}
table.matrix td small{display:block;font-weight:400;font-size:11px}
table.matrix td.none{color:#b3b9c3}
.filterbar{position:sticky;top:0;z-index:5;background:rgba(245,246,248,.96);border-bottom:1px solid var(--line);box-shadow:0 1px 3px rgba(15,27,51,.06)}
form.filters{display:flex;flex-wrap:wrap;gap:10px 22px;align-items:center;padding:10px 24px;font-size:14px}
form.filters fieldset{border:0;margin:0;padding:0;display:flex;gap:12px;align-items:center}
form.filters legend{float:left;margin-right:6px;color:var(--muted)}
form.filters select{font:inherit;padding:3px 6px}
form.filters output{margin-left:auto;color:var(--muted);font-size:13px}
[hidden]{display:none!important}
.rules article{border-top:1px solid var(--line);padding:12px 0}
.rules article h3{margin:0;font-family:ui-monospace,Menlo,Consolas,monospace;font-size:14.5px}
.rules article p.summary{margin:2px 0 6px}
.doc{font-size:14px}.doc pre{background:#f7f8fa;border:1px solid var(--line);border-radius:6px;padding:8px 12px;overflow-x:auto}
.doc table{border-collapse:collapse}.doc td,.doc th{border:1px solid var(--line);padding:3px 8px;text-align:left}
ul.skipped{font-size:13.5px}
footer{color:var(--muted);font-size:12.5px;padding:0 0 40px}
@media (max-width:700px){.brand-use{grid-template-columns:1fr}.chead{align-items:flex-start}}
@media print{
body{background:#fff;font-size:11pt}header.top{background:#fff;color:var(--ink);border-bottom:2px solid var(--ink);padding:0 0 10px}
header.top .kicker,dl.meta dt,header.top h1 .ver{color:var(--muted)}
.filterbar{display:none!important}
section.card{border:0;border-top:1px solid var(--line);border-radius:0;padding:14px 0;break-inside:auto}
li.finding,.brand-use,.chead,figure.thumb,tr{break-inside:avoid}
section.channel{break-before:page}
.matrix-wrap{overflow:visible}table.matrix{font-size:8.5pt}table.matrix th,table.matrix td{padding:3px 4px}
a{color:inherit;text-decoration:none}
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}}
)CSS";
}

std::string page_script() {
  // Progressive enhancement only: without it every finding is shown, most severe first.
  return R"JS(
(function () {
  'use strict';
  var form = document.getElementById('filters');
  if (!form) return;
  document.getElementById('filterbar').hidden = false;  // filters need the script: shown by it
  var rank = {error: 0, warning: 1, info: 2};
  function key(li, how) {
    var file = li.getAttribute('data-path') + '\u0000' + ('0000000' + li.getAttribute('data-line')).slice(-8);
    var order = ('0000000' + li.getAttribute('data-order')).slice(-8);
    if (how === 'file') return file + order;
    if (how === 'rule') return li.getAttribute('data-rule') + '\u0000' + file + order;
    return rank[li.getAttribute('data-severity')] + order;
  }
  function apply() {
    var show = {};
    Array.prototype.forEach.call(form.querySelectorAll('input[name=sev]'), function (box) {
      show[box.value] = box.checked;
    });
    var rule = form.querySelector('#f-rule').value;
    var how = form.querySelector('#f-sort').value;
    var shown = 0, total = 0;
    Array.prototype.forEach.call(document.querySelectorAll('ol.findings'), function (list) {
      var items = Array.prototype.slice.call(list.children);
      items.sort(function (a, b) { var x = key(a, how), y = key(b, how); return x < y ? -1 : x > y ? 1 : 0; });
      items.forEach(function (li) {
        list.appendChild(li);
        var visible = show[li.getAttribute('data-severity')] && (!rule || li.getAttribute('data-rule') === rule);
        li.hidden = !visible;
        total += 1;
        if (visible) shown += 1;
      });
    });
    form.querySelector('#f-count').textContent =
        form.getAttribute('data-count').replace('{shown}', shown).replace('{total}', total);
  }
  form.addEventListener('change', apply);
  form.addEventListener('submit', function (e) { e.preventDefault(); });
  // Printing shows everything: open collapsed blocks, then put them back.
  var opened = [];
  window.addEventListener('beforeprint', function () {
    Array.prototype.forEach.call(document.querySelectorAll('details:not([open])'), function (d) {
      d.open = true;
      opened.push(d);
    });
  });
  window.addEventListener('afterprint', function () {
    opened.forEach(function (d) { d.open = false; });
    opened = [];
  });
  apply();
})();
)JS";
}

}  // namespace brandlint::html
