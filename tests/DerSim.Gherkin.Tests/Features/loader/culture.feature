# language: de-DE
Funktionalität: Kultur
  Szenario: Name mit Kultur
    Angenommen ein Schritt
