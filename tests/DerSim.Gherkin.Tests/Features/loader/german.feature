# language: de
@deutsch
Funktionalität: Ladevorgang
  Szenario: Laden startet
    Angenommen eine Ladestation
    Und ein Fahrzeug
    Wenn das Kabel steckt
    Und die Karte gelesen wird
    Dann lädt das Fahrzeug
    Aber nicht schneller als 11 kW
