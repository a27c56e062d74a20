<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="nl_NL" sourcelanguage="en">
<context>
    <name />
    <message>
        <source>Welcome to VerzuimDesk</source>
        <translation>Welkom bij VerzuimDesk</translation>
    </message>
    <message>
        <source>There is no database yet in %1.

Do you want to start with a fictitious demo school to try the program?</source>
        <translation>Er is nog geen database in %1.

Wilt u beginnen met een fictieve demoschool om het programma uit te proberen?</translation>
    </message>
    <message>
        <source>Open the demo school</source>
        <translation>Demoschool openen</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>Nu niet</translation>
    </message>
    <message>
        <source>VerzuimDesk is already open with this database. Switch to that window.</source>
        <translation>VerzuimDesk is al geopend met deze database. Ga naar dat venster.</translation>
    </message>
    <message>
        <source>The daily backup failed: %1</source>
        <translation>De dagelijkse reservekopie is mislukt: %1</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>VerzuimDesk is locked</source>
        <translation>VerzuimDesk is vergrendeld</translation>
    </message>
    <message>
        <source>Log in to VerzuimDesk</source>
        <translation>Aanmelden bij VerzuimDesk</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Gebruikersnaam</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Wachtwoord</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>Aanmelden</translation>
    </message>
    <message>
        <source>The program locked itself after a while without use. Your unsaved text is kept.</source>
        <translation>Het programma is vergrendeld omdat het een tijd niet gebruikt werd. Uw niet-opgeslagen tekst is bewaard.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>User: %1</source>
        <translation>Gebruiker: %1</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Overzicht</translation>
    </message>
    <message>
        <source>Registration</source>
        <translation>Registratie</translation>
    </message>
    <message>
        <source>Quarterly list</source>
        <translation>Kwartaal</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Instellingen</translation>
    </message>
    <message>
        <source>Pupils</source>
        <translation>Leerlingen</translation>
    </message>
    <message>
        <source>Peildatum</source>
        <translation>Peildatum</translation>
    </message>
    <message>
        <source>Peildatum:</source>
        <translation>Peildatum:</translation>
    </message>
    <message>
        <source>Look back: the lights as they were on this date</source>
        <translation>Terugkijken: de stoplichten zoals ze op deze datum waren</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Vandaag</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Bestand</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>&amp;Vergrendelen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Afsluiten</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Ga naar</translation>
    </message>
    <message>
        <source>Find pupil</source>
        <translation>Leerling zoeken</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>Database: %1</translation>
    </message>
</context>
<context>
    <name>PlaceholderPage</name>
    <message>
        <source>%1 is not available in this version yet.</source>
        <translation>%1 is in deze versie nog niet beschikbaar.</translation>
    </message>
</context>
<context>
    <name>PupilModel</name>
    <message>
        <source>Number</source>
        <translation>Nummer</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Groep</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Geboortedatum</translation>
    </message>
</context>
<context>
    <name>PupilsPage</name>
    <message>
        <source>Search by name or number (Ctrl+F)</source>
        <translation>Zoek op naam of leerlingnummer (Ctrl+F)</translation>
    </message>
</context>
</TS>