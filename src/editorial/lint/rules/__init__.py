"""The built-in lint rules, one module a rule, named for the problem it flags."""
