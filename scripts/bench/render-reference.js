// Renders the benchmark templates with the reference engine (@checkly/handlebars 0.0.13) on one thread:
// warm-up, then timed iterations, like the JMH run. Prints renders/s per template and checks that its
// output is byte for byte Alertwire's (files written by dev.alertwire.bench.render.RenderFixtures).
// Usage: node render-reference.js <fixtures dir> <warmup iterations> <measure iterations> <seconds per iteration> [JMH result JSON]
// With the JMH result, prints the ratio Alertwire/reference for each template.
'use strict';
const fs = require('fs');
const path = require('path');
const Handlebars = require('@checkly/handlebars');

const [dir, warmups, iterations, seconds] = [process.argv[2], +process.argv[3], +process.argv[4], +process.argv[5]];
const context = JSON.parse(fs.readFileSync(path.join(dir, 'context.json'), 'utf8'));
const names = ['opsgenie-full', 'jira-contains', 'ai-analysis'];
const hb = Handlebars.create();
let sink = 0;

function iteration(fn, ms) {
  // Batches of 256 calls between clock reads; bounded by time.
  const end = process.hrtime.bigint() + BigInt(Math.round(ms * 1e6));
  let ops = 0;
  const start = process.hrtime.bigint();
  let now = start;
  while (now < end) {
    for (let i = 0; i < 256; i++) sink += fn().length;
    ops += 256;
    now = process.hrtime.bigint();
  }
  return ops / (Number(now - start) / 1e9);
}

function measure(fn) {
  for (let i = 0; i < warmups; i++) iteration(fn, seconds * 1000);
  const rates = [];
  for (let i = 0; i < iterations; i++) rates.push(iteration(fn, seconds * 1000));
  const mean = rates.reduce((a, b) => a + b, 0) / rates.length;
  const sd = Math.sqrt(rates.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, rates.length - 1));
  return { mean, sd };
}

const results = {};
for (const name of names) {
  const text = fs.readFileSync(path.join(dir, name + '.hbs'), 'utf8');
  const compiled = hb.compile(text);
  const out = compiled(context);
  const expected = fs.readFileSync(path.join(dir, name + '.alertwire.out'), 'utf8');
  const same = out === expected;
  if (!same) fs.writeFileSync(path.join(dir, name + '.reference.out'), out);
  const warm = measure(() => compiled(context));
  // No cache: compile (handlebars compiles lazily, on the first call) and render every time.
  const cold = measure(() => hb.compile(text)(context));
  results[name] = { warm, cold, same };
  console.log(`reference ${name}: warm ${warm.mean.toFixed(0)} ± ${warm.sd.toFixed(0)} renders/s, no cache ${cold.mean.toFixed(0)} ± ${cold.sd.toFixed(0)} renders/s, output identical to Alertwire: ${same}`);
}
fs.writeFileSync(path.join(dir, 'reference.json'), JSON.stringify(results, null, 2));

if (process.argv[6]) {
  const jmh = JSON.parse(fs.readFileSync(process.argv[6], 'utf8'));
  const score = (bench, name) => {
    const r = jmh.find((x) => x.benchmark.endsWith(bench) && x.params && x.params.template === name);
    return r ? r.primaryMetric : null;
  };
  console.log('');
  console.log('| template | Alertwire warm (renders/s) | reference warm | ratio | Alertwire no cache | reference no cache | ratio | same output |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
  const f = (n) => Math.round(n).toLocaleString('en-US');
  for (const name of names) {
    const w = score('RenderBenchmark.warmCache', name);
    const c = score('CompileBenchmark.noCache', name);
    const r = results[name];
    const cell = (m) => (m ? `${f(m.score)} ± ${f(m.scoreError)}` : 'n/a');
    const ratio = (m, ref) => (m ? (m.score / ref.mean).toFixed(2) + 'x' : 'n/a');
    console.log(`| ${name} | ${cell(w)} | ${f(r.warm.mean)} ± ${f(r.warm.sd)} | ${ratio(w, r.warm)} | ${cell(c)} | ${f(r.cold.mean)} ± ${f(r.cold.sd)} | ${ratio(c, r.cold)} | ${r.same} |`);
  }
}
if (sink === -1) console.log(sink);
