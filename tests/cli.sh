run_cli() { :; }
