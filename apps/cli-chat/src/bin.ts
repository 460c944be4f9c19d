#!/usr/bin/env node
console.log("newind");
