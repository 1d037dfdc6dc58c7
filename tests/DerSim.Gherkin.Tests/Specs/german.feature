# language: de
@spec @language
Funktionalität: Szenarien auf Deutsch
  Eine Feature-Datei in einer anderen Sprache nutzt deren Schlüsselwörter.

  Szenario: Deutsche Schlüsselwörter
    Angenommen eine Ladesäule mit 2 Anschlüssen
    Wenn ein Fahrzeug an Anschluss 1 ansteckt
    Dann ist 1 Anschluss frei
