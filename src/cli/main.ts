#!/usr/bin/env node
console.log('uplevel: under construction');
