"""The parts of the case view that make it a workbench: the case's actions, visits and
agenda items, and the steps that close them."""
