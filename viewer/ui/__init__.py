"""Everything Qt: the application, the main window, the timeline, the excerpt panel, filters and
the Qt models over store queries. Nothing outside this package imports Qt."""
