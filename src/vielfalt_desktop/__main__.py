from vielfalt_desktop.cli import main

raise SystemExit(main())
