"""`python -m bot` runs the same command line as `privacy-bot`."""

from bot.cli import main

raise SystemExit(main())
