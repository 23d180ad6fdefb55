"""Services: use cases that combine the core with adapters (poll, deliver, ask, ...)."""
