swift test
cop plugins install .
cop plugins list
cop compare --area GM0080 --reference NL --indicator hello.case_count
cop plugins run hello.greeting --option level=gemeente
cop hello --name Leeuwarden
cop validate
cop plugins remove hello
