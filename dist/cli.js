#!/usr/bin/env node
import { createRequire as __uplevelCreateRequire } from 'node:module'; const require = __uplevelCreateRequire(import.meta.url);

// src/cli/main.ts
console.log("uplevel: under construction");
