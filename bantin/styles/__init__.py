"""This folder holds the shipped style sheets as data; it is not a module.

``bantin.styles`` is the public function that lists them. The loader that lived
here before 0.2.0 is ``bantin.stylesheet``; plug-ins import ``Style`` from
``bantin``. Refusing the import keeps an old plug-in from replacing the function
``bantin.styles`` with this folder.
"""

raise ImportError("bantin.styles is a function since bantin 0.2.0: import Style and load_style from bantin")
