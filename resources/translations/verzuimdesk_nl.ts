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
    <message>
        <source>Backup</source>
        <translation>Reservekopie</translation>
    </message>
    <message>
        <source>A server database is backed up on the server.</source>
        <translation>Van een serverdatabase maakt de server de reservekopie.</translation>
    </message>
    <message>
        <source>Backup made: %1</source>
        <translation>Reservekopie gemaakt: %1</translation>
    </message>
    <message>
        <source>Restore backup</source>
        <translation>Reservekopie terugzetten</translation>
    </message>
    <message>
        <source>Password or recovery key of the backup:</source>
        <translation>Wachtwoord of herstelsleutel van de reservekopie:</translation>
    </message>
    <message>
        <source>A server database is restored on the server.</source>
        <translation>Een serverdatabase zet u op de server terug.</translation>
    </message>
    <message>
        <source>VerzuimDesk database (*.db)</source>
        <translation>VerzuimDesk-database (*.db)</translation>
    </message>
    <message>
        <source>Replace the current database with this backup? Everything entered after the backup was made is lost. A copy of the current database is made first.</source>
        <translation>De huidige database vervangen door deze reservekopie? Alles wat na het maken van de kopie is ingevoerd, gaat verloren. Eerst wordt een kopie van de huidige database gemaakt.</translation>
    </message>
    <message>
        <source>The backup is back. VerzuimDesk closes now; start it again to continue.</source>
        <translation>De reservekopie is teruggezet. VerzuimDesk sluit nu; start het opnieuw om verder te gaan.</translation>
    </message>
    <message>
        <source>There is no backup to restore.</source>
        <translation>Er is geen reservekopie om terug te zetten.</translation>
    </message>
    <message>
        <source>Restore the latest backup, of %1? What was entered after it is lost.</source>
        <translation>De laatste reservekopie, van %1, terugzetten? Wat daarna is ingevoerd, gaat verloren.</translation>
    </message>
    <message>
        <source>Retention</source>
        <translation>Bewaartermijnen</translation>
    </message>
    <message>
        <source>Nothing has passed its retention term.</source>
        <translation>Niets is de bewaartermijn voorbij.</translation>
    </message>
    <message>
        <source>The retention term has passed for:</source>
        <translation>De bewaartermijn is voorbij voor:</translation>
    </message>
    <message>
        <source>Delete this for good now?</source>
        <translation>Dit nu definitief verwijderen?</translation>
    </message>
</context>
<context>
    <name>AboutDialog</name>
    <message>
        <source>About VerzuimDesk</source>
        <translation>Over VerzuimDesk</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>Versie %1</translation>
    </message>
    <message>
        <source>Data folder:</source>
        <translation>Gegevensmap:</translation>
    </message>
    <message>
        <source>Database:</source>
        <translation>Database:</translation>
    </message>
    <message>
        <source>Component</source>
        <translation>Onderdeel</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Versie</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Licentie</translation>
    </message>
    <message>
        <source>VerzuimDesk itself is free software under the EUPL-1.2. The libraries above keep their own licences; Qt is used unmodified under the LGPLv3.</source>
        <translation>VerzuimDesk zelf is vrije software onder de EUPL-1.2. De bibliotheken hierboven houden hun eigen licenties; Qt wordt ongewijzigd gebruikt onder de LGPLv3.</translation>
    </message>
    <message>
        <source>Open data folder</source>
        <translation>Gegevensmap openen</translation>
    </message>
    <message>
        <source>Bundled libraries:</source>
        <translation>Meegeleverde bibliotheken:</translation>
    </message>
</context>
<context>
    <name>AuditDialog</name>
    <message>
        <source>Audit log</source>
        <translation>Logboek</translation>
    </message>
    <message>
        <source>Pupil number</source>
        <translation>Leerlingnummer</translation>
    </message>
    <message>
        <source>Pupil:</source>
        <translation>Leerling:</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>Gebruiker:</translation>
    </message>
    <message>
        <source>everyone</source>
        <translation>iedereen</translation>
    </message>
    <message>
        <source>Warning: the log has been changed outside the program from entry %1 on. Tell your privacy officer.</source>
        <translation>Let op: het logboek is vanaf regel %1 buiten het programma om gewijzigd. Meld dit aan uw privacyfunctionaris.</translation>
    </message>
</context>
<context>
    <name>AuditModel</name>
    <message>
        <source>When</source>
        <translation>Wanneer</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Gebruiker</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Wat</translation>
    </message>
    <message>
        <source>Pupil</source>
        <translation>Leerling</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
</context>
<context>
    <name>Dossier</name>
    <message>
        <source>The pupil dossier is not available in this version yet.</source>
        <translation>Het leerlingdossier is in deze versie nog niet beschikbaar.</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export dossier</source>
        <translation>Dossier exporteren</translation>
    </message>
    <message>
        <source>Export absence overview</source>
        <translation>Verzuimoverzicht exporteren</translation>
    </message>
    <message>
        <source>Export conversation report</source>
        <translation>Gespreksverslag exporteren</translation>
    </message>
    <message>
        <source>Export DUO report</source>
        <translation>DUO-melding exporteren</translation>
    </message>
    <message>
        <source>Export quarterly list for the SWV</source>
        <translation>Kwartaalopgave voor het SWV exporteren</translation>
    </message>
    <message>
        <source>Parents</source>
        <translation>Ouders</translation>
    </message>
    <message>
        <source>Attendance officer (leerplicht)</source>
        <translation>Leerplichtambtenaar</translation>
    </message>
    <message>
        <source>Youth doctor (JGZ)</source>
        <translation>Jeugdarts (JGZ)</translation>
    </message>
    <message>
        <source>Partnership (SWV)</source>
        <translation>Samenwerkingsverband (SWV)</translation>
    </message>
    <message>
        <source>The parents consented to sharing this with the SWV</source>
        <translation>De ouders hebben toestemming gegeven om dit met het SWV te delen</translation>
    </message>
    <message>
        <source>Full names instead of initials</source>
        <translation>Volledige namen in plaats van initialen</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Bladeren…</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>Ontvanger</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Van</translation>
    </message>
    <message>
        <source>Up to and including</source>
        <translation>Tot en met</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Formaat</translation>
    </message>
    <message>
        <source>Save as</source>
        <translation>Opslaan als</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exporteren</translation>
    </message>
    <message>
        <source>Save export as</source>
        <translation>Export opslaan als</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Bezig met exporteren…</translation>
    </message>
    <message>
        <source>Written: %1</source>
        <translation>Opgeslagen: %1</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Exporteren mislukt</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <source>Choose a file</source>
        <translation>Kies een bestand</translation>
    </message>
    <message>
        <source>An export of the school's administration (ParnasSys, ESIS or another LAS): a spreadsheet (CSV or Excel) or an EDEX file.</source>
        <translation>Een export uit de leerlingadministratie (ParnasSys, ESIS of een ander LAS): een spreadsheet (CSV of Excel) of een EDEX-bestand.</translation>
    </message>
    <message>
        <source>Pupils (spreadsheet)</source>
        <translation>Leerlingen (spreadsheet)</translation>
    </message>
    <message>
        <source>Absences (spreadsheet)</source>
        <translation>Verzuim (spreadsheet)</translation>
    </message>
    <message>
        <source>EDEX export (groups, pupils and teachers)</source>
        <translation>EDEX-export (groepen, leerlingen en leerkrachten)</translation>
    </message>
    <message>
        <source>No file chosen</source>
        <translation>Geen bestand gekozen</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Bladeren…</translation>
    </message>
    <message>
        <source>What is in the file</source>
        <translation>Wat staat er in het bestand</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Bestand</translation>
    </message>
    <message>
        <source>EDEX export (*.xml *.XML)</source>
        <translation>EDEX-export (*.xml *.XML)</translation>
    </message>
    <message>
        <source>Spreadsheets (*.xlsx *.csv *.txt)</source>
        <translation>Spreadsheets (*.xlsx *.csv *.txt)</translation>
    </message>
    <message>
        <source>Choose the file to import</source>
        <translation>Kies het bestand om in te lezen</translation>
    </message>
    <message>
        <source>The file cannot be read: %1</source>
        <translation>Het bestand kan niet gelezen worden: %1</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>Import</source>
        <translation>Inlezen</translation>
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
        <source>Make a &amp;backup now</source>
        <translation>Nu een &amp;reservekopie maken</translation>
    </message>
    <message>
        <source>&amp;Restore a backup…</source>
        <translation>Reservekopie &amp;terugzetten…</translation>
    </message>
    <message>
        <source>Audit &amp;log…</source>
        <translation>&amp;Logboek…</translation>
    </message>
    <message>
        <source>Re&amp;tention terms…</source>
        <translation>&amp;Bewaartermijnen…</translation>
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
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>About VerzuimDesk</source>
        <translation>Over VerzuimDesk</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>Database: %1</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <source>Which column is what?</source>
        <translation>Welke kolom is wat?</translation>
    </message>
    <message>
        <source>Check the field of every column; columns set to “not used” are skipped. The choice is remembered for the next import.</source>
        <translation>Controleer het veld van elke kolom; kolommen op „niet gebruiken” worden overgeslagen. De keuze wordt onthouden voor de volgende keer.</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Veld</translation>
    </message>
    <message>
        <source>(not used)</source>
        <translation>(niet gebruiken)</translation>
    </message>
    <message>
        <source>no dates recognised</source>
        <translation>geen datums herkend</translation>
    </message>
    <message>
        <source>Date notation found: %1</source>
        <translation>Gevonden datumnotatie: %1</translation>
    </message>
    <message>
        <source>Still to choose (required): %1</source>
        <translation>Nog te kiezen (verplicht): %1</translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message>
        <source>Overview</source>
        <translation>Overzicht</translation>
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
<context>
    <name>QuarterlyPage</name>
    <message>
        <source>Quarterly list</source>
        <translation>Kwartaal</translation>
    </message>
</context>
<context>
    <name>RegistrationPage</name>
    <message>
        <source>Registration</source>
        <translation>Registratie</translation>
    </message>
</context>
<context>
    <name>RunPage</name>
    <message>
        <source>Importing</source>
        <translation>Bezig met inlezen</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>%1 wordt ingelezen…</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>Klaar.</translation>
    </message>
    <message>
        <source>Done: %1 added, %2 updated, %3 unchanged.</source>
        <translation>Klaar: %1 toegevoegd, %2 bijgewerkt, %3 ongewijzigd.</translation>
    </message>
    <message>
        <source>Nothing was imported.</source>
        <translation>Er is niets ingelezen.</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>Instellingen</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <source>What the import will do</source>
        <translation>Wat het inlezen gaat doen</translation>
    </message>
    <message>
        <source>Nothing has been written yet. The import is all or nothing.</source>
        <translation>Er is nog niets opgeslagen. Het inlezen is alles of niets.</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Inlezen</translation>
    </message>
    <message>
        <source>Replace existing registrations on those days</source>
        <translation>Vervang bestaande registraties op die dagen</translation>
    </message>
    <message>
        <source>The EDEX file can be imported:</source>
        <translation>Het EDEX-bestand kan ingelezen worden:</translation>
    </message>
    <message>
        <source>The file is refused: nothing will be imported. Correct these lines (or the column mapping) and try again.</source>
        <translation>Het bestand wordt geweigerd: er wordt niets ingelezen. Verbeter deze regels (of de koppeling van de kolommen) en probeer het opnieuw.</translation>
    </message>
    <message>
        <source>To add: %1. To change: %2. Unchanged: %3.</source>
        <translation>Toevoegen: %1. Wijzigen: %2. Ongewijzigd: %3.</translation>
    </message>
    <message>
        <source>line %1: add %2</source>
        <translation>regel %1: toevoegen %2</translation>
    </message>
    <message>
        <source>line %1: change %2: %3</source>
        <translation>regel %1: wijzigen %2: %3</translation>
    </message>
    <message>
        <source>%1 absences fall on days that already have other registrations; without replacing, those lines are skipped.</source>
        <translation>%1 verzuimregels vallen op dagen met al andere registraties; zonder vervangen worden die regels overgeslagen.</translation>
    </message>
    <message>
        <source>line %1: %2 on %3 already has %4; the file says %5</source>
        <translation>regel %1: %2 heeft op %3 al %4; het bestand zegt %5</translation>
    </message>
</context>
</TS>