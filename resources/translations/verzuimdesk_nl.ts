<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL" sourcelanguage="en">
<context>
    <name></name>
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
        <source>Set up a new school</source>
        <translation>Nieuwe school opzetten</translation>
    </message>
    <message>
        <source>The database did not open: %1</source>
        <translation>De database is niet geopend: %1. Start VerzuimDesk opnieuw.</translation>
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
        <source>The logins are as they were when the backup was made: a password changed since then no longer works (the old one does again), and a colleague removed since then can log in again. Change those passwords again afterwards.</source>
        <translation>De inloggegevens zijn weer zoals toen de kopie werd gemaakt: een wachtwoord dat sindsdien is gewijzigd, werkt niet meer (het oude weer wel), en een collega die sindsdien is verwijderd, kan weer inloggen. Wijzig die wachtwoorden daarna opnieuw.</translation>
    </message>
    <message>
        <source>A server database is restored by its administrator, with &apos;verzuimdesk restore&apos; and the address of the owner of the tables (see docs/server.md).</source>
        <translation>Een serverdatabase zet de beheerder terug, met &apos;verzuimdesk restore&apos; en het adres van de eigenaar van de tabellen (zie docs/server.md).</translation>
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
        <source>Every backup is damaged too; none can be restored.</source>
        <translation>Ook elke reservekopie is beschadigd; er is er geen terug te zetten.</translation>
    </message>
    <message>
        <source>The newer backup of %1 is damaged and was skipped.</source>
        <translation>De nieuwere reservekopie van %1 is beschadigd en overgeslagen.</translation>
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
    <message>
        <source>Something unexpected went wrong. What was already saved is intact: every change is saved whole or not at all. Check whether your last change is there.

The technical details (without pupil data) are in %1. Send that file to your ICT coordinator if this happens again.</source>
        <translation>Er ging iets onverwachts mis. Wat al was opgeslagen is heel gebleven: elke wijziging wordt in zijn geheel of helemaal niet opgeslagen. Kijk of uw laatste wijziging er staat.

De technische details (zonder leerlinggegevens) staan in %1. Stuur dat bestand naar uw ICT-coördinator als dit nog eens gebeurt.</translation>
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
    <name>AbsenceDetailDialog</name>
    <message>
        <source>Absence details</source>
        <translation>Details van de afwezigheid</translation>
    </message>
    <message>
        <source>Choose a code…</source>
        <translation>Kies een code…</translation>
    </message>
    <message>
        <source>Whole day</source>
        <translation>Hele dag</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Reported</source>
        <translation>Gemeld</translation>
    </message>
    <message>
        <source>parent/guardian</source>
        <translation>ouder/verzorger</translation>
    </message>
    <message>
        <source>No diagnosis: the school records that a pupil is ill, not what.</source>
        <translation>Geen diagnose: de school legt vast dát een leerling ziek is, niet wat.</translation>
    </message>
    <message>
        <source>Pupil:</source>
        <translation>Leerling:</translation>
    </message>
    <message>
        <source>Code:</source>
        <translation>Code:</translation>
    </message>
    <message>
        <source>Time:</source>
        <translation>Tijd:</translation>
    </message>
    <message>
        <source>Minutes late:</source>
        <translation>Minuten te laat:</translation>
    </message>
    <message>
        <source>Reported at:</source>
        <translation>Gemeld op:</translation>
    </message>
    <message>
        <source>Reported by:</source>
        <translation>Gemeld door:</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>Opmerking:</translation>
    </message>
</context>
<context>
    <name>AbsenceTab</name>
    <message>
        <source>Category</source>
        <translation>Categorie</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Uren</translation>
    </message>
    <message>
        <source>Episodes</source>
        <translation>Periodes</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>Registraties</translation>
    </message>
    <message>
        <source>No absence registered in this school year.</source>
        <translation>Geen verzuim geregistreerd in dit schooljaar.</translation>
    </message>
    <message>
        <source>Legend</source>
        <translation>Legenda</translation>
    </message>
    <message>
        <source>Totals this school year up to the peildatum</source>
        <translation>Totalen dit schooljaar tot en met de peildatum</translation>
    </message>
    <message>
        <source>School year %1 – %2</source>
        <translation>Schooljaar %1 – %2</translation>
    </message>
</context>
<context>
    <name>AccountPage</name>
    <message>
        <source>Your account (IB-er)</source>
        <translation>Uw account (IB-er)</translation>
    </message>
    <message>
        <source>The database is encrypted with this password. Colleagues get their own password later under Settings › Staff.</source>
        <translation>De database wordt met dit wachtwoord versleuteld. Collega&apos;s krijgen later een eigen wachtwoord via Instellingen › Personeel.</translation>
    </message>
    <message>
        <source>Your name:</source>
        <translation>Uw naam:</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>Gebruikersnaam:</translation>
    </message>
    <message>
        <source>Password (at least 10 characters):</source>
        <translation>Wachtwoord (minstens 10 tekens):</translation>
    </message>
    <message>
        <source>Password again:</source>
        <translation>Wachtwoord nogmaals:</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>De twee wachtwoorden verschillen.</translation>
    </message>
</context>
<context>
    <name>AnalysePage</name>
    <message>
        <source>Week</source>
        <translation>Week</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Maand</translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation>Kwartaal</translation>
    </message>
    <message>
        <source>School year</source>
        <translation>Schooljaar</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>Groepen</translation>
    </message>
    <message>
        <source>The period the bars and the pie show</source>
        <translation>De periode die de staven en de taart tonen</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exporteren…</translation>
    </message>
    <message>
        <source>The Verzuimanalyse as PDF or XLSX, without pupil names</source>
        <translation>De Verzuimanalyse als PDF of XLSX, zonder namen van leerlingen</translation>
    </message>
    <message>
        <source>Analysis</source>
        <translation>Analyse</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Van</translation>
    </message>
    <message>
        <source>to</source>
        <translation>t/m</translation>
    </message>
    <message>
        <source>Per</source>
        <translation>Per</translation>
    </message>
    <message>
        <source>Bars and pie:</source>
        <translation>Staven en taart:</translation>
    </message>
    <message>
        <source>The start date lies after the end date.</source>
        <translation>De begindatum ligt na de einddatum.</translation>
    </message>
    <message>
        <source>Computing the figures…</source>
        <translation>De cijfers worden berekend…</translation>
    </message>
    <message>
        <source>Whole range</source>
        <translation>Hele periode</translation>
    </message>
    <message>
        <source>Group %1</source>
        <translation>Groep %1</translation>
    </message>
    <message>
        <source>All groups</source>
        <translation>Alle groepen</translation>
    </message>
    <message>
        <source>%1 of %2 groups</source>
        <translation>%1 van %2 groepen</translation>
    </message>
    <message>
        <source>%1: %2% absent of %3 hours lesson time%4; %5 times late; %6 pupils with absence; at the end: %7 green, %8 orange, %9 red; %10 DUO reports; cases %11 opened, %12 closed.</source>
        <translation>%1: %2% verzuim van %3 uur lestijd%4; %5 keer te laat; %6 leerlingen met verzuim; aan het eind: %7 groen, %8 oranje, %9 rood; %10 meldingen bij DUO; zaken: %11 geopend, %12 gesloten.</translation>
    </message>
    <message>
        <source> (a year earlier %1%)</source>
        <translation> (een jaar eerder %1%)</translation>
    </message>
    <message>
        <source>Export the analysis</source>
        <translation>De analyse exporteren</translation>
    </message>
    <message>
        <source>PDF (*.pdf);;Excel (*.xlsx)</source>
        <translation>PDF (*.pdf);;Excel (*.xlsx)</translation>
    </message>
</context>
<context>
    <name>AttentionModel</name>
    <message>
        <source>Pupil</source>
        <translation>Leerling</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Groep</translation>
    </message>
    <message>
        <source>Signals</source>
        <translation>Signalen</translation>
    </message>
    <message>
        <source>Latest date</source>
        <translation>Laatste datum</translation>
    </message>
    <message>
        <source>What stands out</source>
        <translation>Wat opvalt</translation>
    </message>
</context>
<context>
    <name>AttentionPanel</name>
    <message>
        <source>Pupils with a signal and no open action. A signal never changes the light and asks for nothing: it is a reason to look.</source>
        <translation>Leerlingen met een signaal en zonder open actie. Een signaal verandert het licht nooit en vraagt niets: het is een reden om te kijken.</translation>
    </message>
    <message>
        <source>No pupil with a signal without an open action.</source>
        <translation>Geen leerling met een signaal zonder open actie.</translation>
    </message>
    <message>
        <source>Look out: %1 pupils</source>
        <translation>Let op: %1 leerlingen</translation>
    </message>
</context>
<context>
    <name>AuditDialog</name>
    <message>
        <source>Audit log</source>
        <translation>Logboek</translation>
    </message>
    <message>
        <source>Name or number</source>
        <translation>Naam of nummer</translation>
    </message>
    <message>
        <source>everything</source>
        <translation>alles</translation>
    </message>
    <message>
        <source>the start</source>
        <translation>het begin</translation>
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
        <source>Kind:</source>
        <translation>Soort:</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>Van:</translation>
    </message>
    <message>
        <source>until:</source>
        <translation>t/m:</translation>
    </message>
    <message>
        <source>everyone</source>
        <translation>iedereen</translation>
    </message>
    <message>
        <source>1 entry</source>
        <translation>1 regel</translation>
    </message>
    <message>
        <source>%1 entries</source>
        <translation>%1 regels</translation>
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
        <source>What happened</source>
        <translation>Wat er gebeurde</translation>
    </message>
    <message>
        <source>Pupil</source>
        <translation>Leerling</translation>
    </message>
</context>
<context>
    <name>CalendarPage</name>
    <message>
        <source>School year and vacations</source>
        <translation>Schooljaar en vakanties</translation>
    </message>
    <message>
        <source>The vacations published for your region; you can change them later under Settings, and add study days there.</source>
        <translation>De gepubliceerde vakanties van uw regio; u kunt ze later wijzigen onder Instellingen, en daar ook studiedagen toevoegen.</translation>
    </message>
    <message>
        <source>Region:</source>
        <translation>Regio:</translation>
    </message>
    <message>
        <source>School year:</source>
        <translation>Schooljaar:</translation>
    </message>
    <message>
        <source>check</source>
        <translation>controleren</translation>
    </message>
    <message>
        <source>Schooldagen from %1 to %2</source>
        <translation>Schooldagen van %1 tot en met %2</translation>
    </message>
    <message>
        <source>Marked (check): not certain; compare with rijksoverheid.nl.</source>
        <translation>Gemarkeerd (controleren): niet zeker; vergelijk met rijksoverheid.nl.</translation>
    </message>
</context>
<context>
    <name>CalendarSection</name>
    <message>
        <source>(choose a region)</source>
        <translation>(kies een regio)</translation>
    </message>
    <message>
        <source>Fill in the published vacations</source>
        <translation>Gepubliceerde vakanties invullen</translation>
    </message>
    <message>
        <source>Add vacation</source>
        <translation>Vakantie toevoegen</translation>
    </message>
    <message>
        <source>Remove vacation</source>
        <translation>Vakantie verwijderen</translation>
    </message>
    <message>
        <source>dd-mm-yyyy, separated by commas</source>
        <translation>dd-mm-jjjj, gescheiden door komma&apos;s</translation>
    </message>
    <message>
        <source>Save this school year</source>
        <translation>Dit schooljaar opslaan</translation>
    </message>
    <message>
        <source>School year, region:</source>
        <translation>Schooljaar, regio:</translation>
    </message>
    <message>
        <source>First schooldag:</source>
        <translation>Eerste schooldag:</translation>
    </message>
    <message>
        <source>Last schooldag:</source>
        <translation>Laatste schooldag:</translation>
    </message>
    <message>
        <source>Study days:</source>
        <translation>Studiedagen:</translation>
    </message>
    <message>
        <source>Public holidays on weekdays:</source>
        <translation>Feestdagen op werkdagen:</translation>
    </message>
    <message>
        <source>%1 (new)</source>
        <translation>%1 (nieuw)</translation>
    </message>
    <message>
        <source>Choose the vacation region first (noord, midden or zuid).</source>
        <translation>Kies eerst de vakantieregio (noord, midden of zuid).</translation>
    </message>
    <message>
        <source>Filled in from the published dates of region %1. Check them before saving.</source>
        <translation>Ingevuld met de gepubliceerde data van regio %1. Controleer ze voor het opslaan.</translation>
    </message>
    <message>
        <source>Marked (check): not certain.</source>
        <translation>Gemarkeerd (controleren): niet zeker.</translation>
    </message>
    <message>
        <source>Vacation</source>
        <translation>Vakantie</translation>
    </message>
    <message>
        <source>Study days</source>
        <translation>Studiedagen</translation>
    </message>
    <message>
        <source>Public holidays</source>
        <translation>Feestdagen</translation>
    </message>
</context>
<context>
    <name>CaseDialog</name>
    <message>
        <source>Case of worrying absence</source>
        <translation>Traject zorgwekkend verzuim</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Afgesloten</translation>
    </message>
    <message>
        <source>A change starts today; the earlier share gets its end date</source>
        <translation>Een wijziging gaat vandaag in; het vorige percentage krijgt zijn einddatum</translation>
    </message>
    <message>
        <source>Who directs the process (name, organisation)</source>
        <translation>Wie de regie heeft (naam, organisatie)</translation>
    </message>
    <message>
        <source>Reported to DUO on</source>
        <translation>Gemeld bij DUO op</translation>
    </message>
    <message>
        <source>number of the DUO report</source>
        <translation>nummer van de DUO-melding</translation>
    </message>
    <message>
        <source>Intervention history:</source>
        <translation>Verloop interventies:</translation>
    </message>
    <message>
        <source>The records suggest category %1.</source>
        <translation>De registraties wijzen op categorie %1.</translation>
    </message>
    <message>
        <source>The pupil was deregistered: close the case per %1 with “%2”?</source>
        <translation>De leerling is uitgeschreven: het traject afronden per %1 met “%2”?</translation>
    </message>
    <message>
        <source>The pupil attended more than half of the last 10 school days: close the case per %1 with “%2”?</source>
        <translation>De leerling was de laatste 10 schooldagen meer dan de helft aanwezig: traject afronden per %1 met “%2”?</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Categorie</translation>
    </message>
    <message>
        <source>Start of the absence</source>
        <translation>Start van het verzuim</translation>
    </message>
    <message>
        <source>Main cause</source>
        <translation>Hoofdoorzaak</translation>
    </message>
    <message>
        <source>Intervention</source>
        <translation>Interventie</translation>
    </message>
    <message>
        <source>Education followed</source>
        <translation>Onderwijsdeelname</translation>
    </message>
    <message>
        <source>until</source>
        <translation>tot en met</translation>
    </message>
    <message>
        <source>%1 from %2</source>
        <translation>%1 vanaf %2</translation>
    </message>
    <message>
        <source>Waiting list</source>
        <translation>Wachtlijst</translation>
    </message>
    <message>
        <source>Regiehouder</source>
        <translation>Regiehouder</translation>
    </message>
    <message>
        <source>Reason for closing</source>
        <translation>Reden van afronding</translation>
    </message>
    <message>
        <source>About health?</source>
        <translation>Over gezondheid?</translation>
    </message>
    <message>
        <source>The text names health (%1). Health data does not go to the SWV: the quarterly list leaves this field out.

Save it like this? No: change the text first, for example the organisation without the treatment.</source>
        <translation>De tekst noemt gezondheid (%1). Gegevens over de gezondheid gaan niet naar het SWV: de kwartaalopgave laat dit veld weg.

Zo opslaan? Nee: pas eerst de tekst aan, bijvoorbeeld de organisatie zonder de behandeling.</translation>
    </message>
    <message>
        <source>Not saved: change the text that names health, or save it knowing the SWV will not get it.</source>
        <translation>Niet opgeslagen: pas de tekst aan die gezondheid noemt, of sla hem op in de wetenschap dat het SWV hem niet krijgt.</translation>
    </message>
</context>
<context>
    <name>CheckButton</name>
    <message>
        <source>Part checked</source>
        <translation>Dagdeel gecontroleerd</translation>
    </message>
    <message>
        <source>Mark this day part of the group as complete: blank cells then mean present (Ctrl+K)</source>
        <translation>Markeer dit dagdeel van de groep als volledig geregistreerd: lege vakjes betekenen dan aanwezig (Ctrl+K)</translation>
    </message>
    <message>
        <source>Registration of this day part checked</source>
        <translation>Registratie van dit dagdeel gecontroleerd</translation>
    </message>
</context>
<context>
    <name>CodeMappingTable</name>
    <message>
        <source>In the file</source>
        <translation>In het bestand</translation>
    </message>
    <message>
        <source>Code of the school</source>
        <translation>Code van de school</translation>
    </message>
    <message>
        <source>The LAS&apos;s codes and the school&apos;s codes</source>
        <translation>De codes van het LAS en die van de school</translation>
    </message>
    <message>
        <source>(choose)</source>
        <translation>(kies)</translation>
    </message>
</context>
<context>
    <name>CodeModel</name>
    <message>
        <source>default</source>
        <translation>standaard</translation>
    </message>
    <message>
        <source>own</source>
        <translation>eigen</translation>
    </message>
    <message>
        <source>%1, luxe</source>
        <translation>%1, luxe</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Omschrijving</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Categorie</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Soort</translation>
    </message>
</context>
<context>
    <name>CodesSection</name>
    <message>
        <source>present elsewhere</source>
        <translation>elders aanwezig</translation>
    </message>
    <message>
        <source>sick</source>
        <translation>ziek</translation>
    </message>
    <message>
        <source>authorised</source>
        <translation>geoorloofd</translation>
    </message>
    <message>
        <source>unauthorised</source>
        <translation>ongeoorloofd</translation>
    </message>
    <message>
        <source>late</source>
        <translation>te laat</translation>
    </message>
    <message>
        <source>suspended</source>
        <translation>geschorst</translation>
    </message>
    <message>
        <source>reason unknown</source>
        <translation>reden onbekend</translation>
    </message>
    <message>
        <source>Luxeverzuim: every period with this code is reported to DUO</source>
        <translation>Luxeverzuim: elke periode met deze code wordt bij DUO gemeld</translation>
    </message>
    <message>
        <source>Days off taken without leave (holidays, a long weekend). The LUXE rule asks for a DUO report of each such period, whatever the hours.</source>
        <translation>Vrij genomen zonder verlof (vakantie, een lang weekend). De regel Luxeverzuim vraagt voor elke periode een melding bij DUO, hoeveel uren het ook zijn.</translation>
    </message>
    <message>
        <source>Save code</source>
        <translation>Code opslaan</translation>
    </message>
    <message>
        <source>Code:</source>
        <translation>Code:</translation>
    </message>
    <message>
        <source>Label:</source>
        <translation>Omschrijving:</translation>
    </message>
    <message>
        <source>Category:</source>
        <translation>Categorie:</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Opgeslagen.</translation>
    </message>
</context>
<context>
    <name>ConversationDialog</name>
    <message>
        <source>Conversation — %1</source>
        <translation>Gesprek — %1</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>Gesprek</translation>
    </message>
    <message>
        <source>What the conversation is about decides who may receive it: leerplicht gets only absence, the youth doctor only health.</source>
        <translation>Waar het gesprek over gaat bepaalt wie het mag ontvangen: leerplicht krijgt alleen verzuim, de jeugdarts alleen gezondheid.</translation>
    </message>
    <message>
        <source>Who took part, e.g. leerkracht, moeder, IB-er</source>
        <translation>Wie waren erbij, bijv. leerkracht, moeder, IB-er</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>Afspraak</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Wie</translation>
    </message>
    <message>
        <source>Before (dd-mm-yyyy)</source>
        <translation>Voor (dd-mm-jjjj)</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Gedaan</translation>
    </message>
    <message>
        <source>Add agreement</source>
        <translation>Afspraak toevoegen</translation>
    </message>
    <message>
        <source>Remove agreement</source>
        <translation>Afspraak weghalen</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Opslaan</translation>
    </message>
    <message>
        <source>Close (keep draft)</source>
        <translation>Sluiten (concept bewaren)</translation>
    </message>
    <message>
        <source>Discard draft</source>
        <translation>Concept weggooien</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Soort</translation>
    </message>
    <message>
        <source>What was discussed, and what was agreed?</source>
        <translation>Wat is er besproken, en wat is er afgesproken?</translation>
    </message>
    <message>
        <source>About</source>
        <translation>Onderwerp</translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation>Datum en tijd</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Deelnemers</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Samenvatting</translation>
    </message>
    <message>
        <source>Agreements</source>
        <translation>Afspraken</translation>
    </message>
    <message>
        <source>Restored from your draft of %1.</source>
        <translation>Teruggezet uit je concept van %1.</translation>
    </message>
    <message>
        <source>Youth doctor (JGZ). Record that the pupil is ill and what was agreed about returning to school — never what the illness is: no diagnosis is recorded.</source>
        <translation>Jeugdarts (JGZ). Leg vast dát de leerling ziek is en wat is afgesproken over de terugkeer naar school — nooit wát de ziekte is: er wordt geen diagnose vastgelegd.</translation>
    </message>
    <message>
        <source>Attendance officer. What was discussed about the absence, and what will each do next?</source>
        <translation>Leerplichtambtenaar. Wat is er over het verzuim besproken, en wat doet ieder nu?</translation>
    </message>
    <message>
        <source>School social work. What was asked, what was agreed, and did the parents consent?</source>
        <translation>Schoolmaatschappelijk werk. Wat is gevraagd, wat is afgesproken, en gaven de ouders toestemming?</translation>
    </message>
    <message>
        <source>Guide: %1</source>
        <translation>Leidraad: %1</translation>
    </message>
    <message>
        <source>As the conversation</source>
        <translation>Zoals het gesprek</translation>
    </message>
    <message>
        <source>Agreement about</source>
        <translation>Afspraak gaat over</translation>
    </message>
    <message>
        <source>An agreement about health does not go to leerplicht, even in an absence talk.</source>
        <translation>Een afspraak over gezondheid gaat niet naar leerplicht, ook niet in een gesprek over verzuim.</translation>
    </message>
    <message>
        <source>Draft kept at %1.</source>
        <translation>Concept bewaard om %1.</translation>
    </message>
    <message>
        <source>Agreement %1: &apos;%2&apos; is not a date (dd-mm-yyyy).</source>
        <translation>Afspraak %1: &apos;%2&apos; is geen datum (dd-mm-jjjj).</translation>
    </message>
    <message>
        <source>About health?</source>
        <translation>Over gezondheid?</translation>
    </message>
    <message>
        <source>The text mentions %1. Is this conversation about the pupil&apos;s health?

Yes: it is kept as health and does not go to leerplicht.
No: it stays &apos;%2&apos;.</source>
        <translation>De tekst noemt %1. Gaat dit gesprek over de gezondheid van de leerling?

Ja: het wordt bewaard als gezondheid en gaat niet naar leerplicht.
Nee: het blijft &apos;%2&apos;.</translation>
    </message>
</context>
<context>
    <name>ConversationsTab</name>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Soort</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Deelnemers</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Samenvatting</translation>
    </message>
    <message>
        <source>Agreements</source>
        <translation>Afspraken</translation>
    </message>
    <message>
        <source>New conversation…</source>
        <translation>Nieuw gesprek…</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Openen</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Verwijderen</translation>
    </message>
    <message>
        <source>Conversation report (PDF)…</source>
        <translation>Gespreksverslag (pdf)…</translation>
    </message>
    <message>
        <source>%1 (%2 open)</source>
        <translation>%1 (%2 open)</translation>
    </message>
    <message>
        <source>No conversations yet.</source>
        <translation>Nog geen gesprekken.</translation>
    </message>
    <message>
        <source>You have an unsaved draft: New conversation… brings it back.</source>
        <translation>Je hebt een niet-opgeslagen concept: Nieuw gesprek… zet het terug.</translation>
    </message>
    <message>
        <source>Delete conversation</source>
        <translation>Gesprek verwijderen</translation>
    </message>
    <message>
        <source>Delete this conversation and its agreements? This cannot be undone.</source>
        <translation>Dit gesprek en de afspraken verwijderen? Dit kan niet ongedaan worden.</translation>
    </message>
</context>
<context>
    <name>DecisionDialog</name>
    <message>
        <source>Decide on leave request %1</source>
        <translation>Besluit op verlofaanvraag %1</translation>
    </message>
    <message>
        <source>The request is within the law.</source>
        <translation>De aanvraag past binnen de wet.</translation>
    </message>
    <message>
        <source>The reason, for the letter to the parents (required when refused)</source>
        <translation>De reden, voor de brief aan de ouders (verplicht bij een weigering)</translation>
    </message>
    <message>
        <source>This is the decision of the leerplichtambtenaar</source>
        <translation>Dit is het besluit van de leerplichtambtenaar</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Aanvraag</translation>
    </message>
    <message>
        <source>The law</source>
        <translation>De wet</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Besluit</translation>
    </message>
    <message>
        <source>Explanation</source>
        <translation>Toelichting</translation>
    </message>
    <message>
        <source>Granting fills the registration with V on these schooldagen; changing the decision later takes them away again.</source>
        <translation>Verlenen zet V in de registratie op deze schooldagen; wie het besluit later wijzigt, haalt ze weer weg.</translation>
    </message>
    <message>
        <source>Record decision</source>
        <translation>Besluit vastleggen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>Not filled in, these days hold another record:</source>
        <translation>Niet ingevuld, op deze dagen staat al een andere registratie:</translation>
    </message>
</context>
<context>
    <name>Desk</name>
    <message>
        <source>No schooldag</source>
        <translation>Geen schooldag</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>Aanwezig</translation>
    </message>
    <message>
        <source>After the peildatum</source>
        <translation>Na de peildatum</translation>
    </message>
    <message>
        <source>Red</source>
        <translation>Rood</translation>
    </message>
    <message>
        <source>Orange</source>
        <translation>Oranje</translation>
    </message>
    <message>
        <source>Green</source>
        <translation>Groen</translation>
    </message>
    <message>
        <source>Not enrolled</source>
        <translation>Niet ingeschreven</translation>
    </message>
    <message>
        <source>Talk with the pupil</source>
        <translation>Gesprek met de leerling</translation>
    </message>
    <message>
        <source>Contact the parents</source>
        <translation>Contact met de ouders</translation>
    </message>
    <message>
        <source>Report to DUO (via the pupil administration, verzuimregister)</source>
        <translation>Melden bij DUO (via de leerlingadministratie, verzuimregister)</translation>
    </message>
    <message>
        <source>Involve the youth doctor</source>
        <translation>Jeugdarts inschakelen</translation>
    </message>
    <message>
        <source>Discuss in the ZAT</source>
        <translation>Bespreken in het ZAT</translation>
    </message>
    <message>
        <source>Draw up or update the IHP/OPP</source>
        <translation>IHP/OPP opstellen of bijwerken</translation>
    </message>
    <message>
        <source>Report to the SWV</source>
        <translation>Melden bij het samenwerkingsverband</translation>
    </message>
    <message>
        <source>Register a suitable offer</source>
        <translation>Passend aanbod registreren</translation>
    </message>
    <message>
        <source>Escalate</source>
        <translation>Escaleren</translation>
    </message>
    <message>
        <source>Follow-up report to DUO (via the pupil administration, verzuimregister)</source>
        <translation>Vervolgmelding bij DUO (via de leerlingadministratie, verzuimregister)</translation>
    </message>
    <message>
        <source>DUO report (verzuimregister)</source>
        <translation>Melding DUO (verzuimregister)</translation>
    </message>
    <message>
        <source>Youth doctor (JGZ) involved</source>
        <translation>Jeugdarts (JGZ) ingeschakeld</translation>
    </message>
    <message>
        <source>Discussed in the ZAT</source>
        <translation>Besproken in het ZAT</translation>
    </message>
    <message>
        <source>Suitable offer</source>
        <translation>Passend aanbod</translation>
    </message>
    <message>
        <source>Escalation</source>
        <translation>Escalatie</translation>
    </message>
    <message>
        <source>IHP/OPP started or updated</source>
        <translation>IHP/OPP gestart of bijgewerkt</translation>
    </message>
    <message>
        <source>Contact with the parents</source>
        <translation>Contact met de ouders</translation>
    </message>
    <message>
        <source>Unauthorised</source>
        <translation>Ongeoorloofd</translation>
    </message>
    <message>
        <source>Reason unknown</source>
        <translation>Reden onbekend</translation>
    </message>
    <message>
        <source>Sick</source>
        <translation>Ziek</translation>
    </message>
    <message>
        <source>Authorised</source>
        <translation>Geoorloofd</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>Te laat</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>Schorsing</translation>
    </message>
    <message>
        <source>Education elsewhere</source>
        <translation>Onderwijs elders</translation>
    </message>
    <message>
        <source>Conversation with the pupil</source>
        <translation>Gesprek met de leerling</translation>
    </message>
    <message>
        <source>Parents: by phone</source>
        <translation>Ouders: telefonisch</translation>
    </message>
    <message>
        <source>Parents: at school</source>
        <translation>Ouders: op school</translation>
    </message>
    <message>
        <source>Parents: home visit</source>
        <translation>Ouders: huisbezoek</translation>
    </message>
    <message>
        <source>ZAT / MDO</source>
        <translation>ZAT / MDO</translation>
    </message>
    <message>
        <source>Youth doctor (JGZ)</source>
        <translation>Jeugdarts (JGZ)</translation>
    </message>
    <message>
        <source>Attendance officer (leerplicht)</source>
        <translation>Leerplichtambtenaar</translation>
    </message>
    <message>
        <source>School social work</source>
        <translation>Schoolmaatschappelijk werk</translation>
    </message>
    <message>
        <source>Absence (verzuim)</source>
        <translation>Verzuim</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>Gezondheid</translation>
    </message>
    <message>
        <source>Home situation</source>
        <translation>Thuissituatie</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Overig</translation>
    </message>
</context>
<context>
    <name>DossierHeader</name>
    <message>
        <source>Parents/carers…</source>
        <translation>Ouders/verzorgers…</translation>
    </message>
    <message>
        <source>Add or change parents and carers</source>
        <translation>Ouders en verzorgers toevoegen of wijzigen</translation>
    </message>
    <message>
        <source>Leerplicht</source>
        <translation>Leerplicht</translation>
    </message>
    <message>
        <source>Vrijstelling…</source>
        <translation>Vrijstelling…</translation>
    </message>
    <message>
        <source>Record or change a vrijstelling van de leerplicht</source>
        <translation>Een vrijstelling van de leerplicht vastleggen of wijzigen</translation>
    </message>
    <message>
        <source>Why this light</source>
        <translation>Waarom deze kleur</translation>
    </message>
    <message>
        <source>group %1</source>
        <translation>groep %1</translation>
    </message>
    <message>
        <source>number %1</source>
        <translation>leerlingnummer %1</translation>
    </message>
    <message>
        <source>jaargroep %1</source>
        <translation>jaargroep %1</translation>
    </message>
    <message>
        <source>%1 years</source>
        <translation>%1 jaar</translation>
    </message>
    <message>
        <source>none entered yet</source>
        <translation>nog niet ingevuld</translation>
    </message>
    <message>
        <source>Parents/carers: %1</source>
        <translation>Ouders/verzorgers: %1</translation>
    </message>
    <message>
        <source>Now: %1</source>
        <translation>Nu: %1</translation>
    </message>
    <message>
        <source>Birth date missing (taken as leerplichtig)</source>
        <translation>Geboortedatum ontbreekt (gerekend als leerplichtig)</translation>
    </message>
    <message>
        <source>Not yet leerplichtig (from %1)</source>
        <translation>Nog niet leerplichtig (vanaf %1)</translation>
    </message>
    <message>
        <source>Leerplichtig from %1</source>
        <translation>Leerplichtig vanaf %1</translation>
    </message>
    <message>
        <source>until further notice</source>
        <translation>tot nader order</translation>
    </message>
    <message>
        <source>Vrijstelling (%1): %2 – %3</source>
        <translation>Vrijstelling (%1): %2 – %3</translation>
    </message>
    <message>
        <source>Not enrolled on %1: left the school on %2.</source>
        <translation>Niet ingeschreven op %1: uitgeschreven op %2.</translation>
    </message>
    <message>
        <source>Not enrolled on %1: enrolled from %2.</source>
        <translation>Niet ingeschreven op %1: ingeschreven vanaf %2.</translation>
    </message>
    <message>
        <source>Not enrolled on %1.</source>
        <translation>Niet ingeschreven op %1.</translation>
    </message>
    <message>
        <source>No rule of the stappenplan holds on %1.</source>
        <translation>Op %1 geldt geen regel van het stappenplan.</translation>
    </message>
    <message>
        <source>on %1</source>
        <translation>op %1</translation>
    </message>
    <message>
        <source>Hide what is done</source>
        <translation>Afgehandelde verbergen</translation>
    </message>
    <message>
        <source>Show what is done (%1)</source>
        <translation>Afgehandelde tonen (%1)</translation>
    </message>
    <message>
        <source>decides the colour</source>
        <translation>bepaalt de kleur</translation>
    </message>
    <message>
        <source>Records:</source>
        <translation>Registraties:</translation>
    </message>
    <message>
        <source>window %1 – %2</source>
        <translation>periode %1 – %2</translation>
    </message>
    <message>
        <source>vrijgesteld (%1) until %2</source>
        <translation>vrijgesteld (%1) tot %2</translation>
    </message>
    <message>
        <source>Birth date missing: enter it in the LAS and import the pupils again.</source>
        <translation>Geboortedatum ontbreekt: vul hem in het LAS in en importeer de leerlingen opnieuw. Tot dan geldt de leerling als leerplichtig.</translation>
    </message>
    <message>
        <source>%1 %3 (threshold %2)</source>
        <translation>%1 %3 (grens %2)</translation>
    </message>
    <message>
        <source>since %1</source>
        <translation>sinds %1</translation>
    </message>
    <message>
        <source> and %1 more</source>
        <translation> en nog %1</translation>
    </message>
    <message>
        <source>done</source>
        <translation>gedaan</translation>
    </message>
    <message>
        <source>OVERDUE</source>
        <translation>TE LAAT</translation>
    </message>
    <message>
        <source>open</source>
        <translation>open</translation>
    </message>
    <message>
        <source>, legal</source>
        <translation>, wettelijk</translation>
    </message>
    <message>
        <source>due %1</source>
        <translation>uiterlijk %1</translation>
    </message>
    <message>
        <source>in charge: %1</source>
        <translation>regie: %1</translation>
    </message>
</context>
<context>
    <name>DossierWindow</name>
    <message>
        <source>&amp;Timeline</source>
        <translation>&amp;Tijdlijn</translation>
    </message>
    <message>
        <source>&amp;Absence</source>
        <translation>&amp;Verzuim</translation>
    </message>
    <message>
        <source>&amp;Conversations</source>
        <translation>&amp;Gesprekken</translation>
    </message>
    <message>
        <source>&amp;Plans</source>
        <translation>&amp;Plannen</translation>
    </message>
    <message>
        <source>&amp;Reports made</source>
        <translation>&amp;Meldingen</translation>
    </message>
    <message>
        <source>&amp;Signals</source>
        <translation>&amp;Signalen</translation>
    </message>
    <message>
        <source>L&amp;etters</source>
        <translation>&amp;Brieven</translation>
    </message>
    <message>
        <source>Export dossier…</source>
        <translation>Dossier exporteren…</translation>
    </message>
    <message>
        <source>Absence overview…</source>
        <translation>Verzuimoverzicht…</translation>
    </message>
    <message>
        <source>Make a letter…</source>
        <translation>Brief maken…</translation>
    </message>
    <message>
        <source>Dossier %1 (%2) — VerzuimDesk</source>
        <translation>Dossier %1 (%2) — VerzuimDesk</translation>
    </message>
    <message>
        <source>As on the peildatum; change it in the main window to look back.</source>
        <translation>Zoals op de peildatum; kies een andere in het hoofdvenster om terug te kijken.</translation>
    </message>
    <message>
        <source>&amp;Signals (%1)</source>
        <translation>&amp;Signalen (%1)</translation>
    </message>
</context>
<context>
    <name>ExemptionDialog</name>
    <message>
        <source>Vrijstelling of %1</source>
        <translation>Vrijstelling van %1</translation>
    </message>
    <message>
        <source>Vrijstellingen</source>
        <translation>Vrijstellingen</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Tot en met</translation>
    </message>
    <message>
        <source>Article of the Leerplichtwet</source>
        <translation>Artikel van de Leerplichtwet</translation>
    </message>
    <message>
        <source>Who granted it, on what ground, until when it is evaluated</source>
        <translation>Wie hem verleende, op welke grond, wanneer hij geëvalueerd wordt</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Van</translation>
    </message>
    <message>
        <source>Article</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notitie</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Nieuw</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Opslaan</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Verwijderen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
    <message>
        <source>until further notice</source>
        <translation>tot nader order</translation>
    </message>
    <message>
        <source>%1 – %2: %3</source>
        <translation>%1 – %2: %3</translation>
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
        <source>Report</source>
        <translation>Melding</translation>
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
        <source>Check topics…</source>
        <translation>Onderwerpen controleren…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exporteren</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Openen</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>Map openen</translation>
    </message>
    <message>
        <source>All reports of this date (%1), each on its own page</source>
        <translation>Alle meldingen van deze datum (%1), elk op een eigen pagina</translation>
    </message>
    <message>
        <source>No DUO report is due on this date, and none has been registered yet.</source>
        <translation>Op deze datum staat geen DUO-melding open, en er is er nog geen geregistreerd.</translation>
    </message>
    <message>
        <source>Entries of this pupil with a guessed topic: %1. The topic decides what this recipient gets: check them before this leaves the school.</source>
        <translation>Items van deze leerling met een geraden onderwerp: %1. Het onderwerp bepaalt wat deze ontvanger krijgt: controleer ze voordat dit de school verlaat.</translation>
    </message>
    <message>
        <source>The list for the reference date %1.</source>
        <translation>De lijst voor de peildatum %1.</translation>
    </message>
    <message>
        <source>%1 pupils without a confirmed case are listed as proposals, not yet confirmed.</source>
        <translation>%1 leerling(en) zonder bevestigd traject staan als voorstel op de lijst, nog niet bevestigd.</translation>
    </message>
    <message>
        <source>Save export as</source>
        <translation>Export opslaan als</translation>
    </message>
    <message>
        <source>Replace file?</source>
        <translation>Bestand vervangen?</translation>
    </message>
    <message>
        <source>The file %1 already exists. Replace it?</source>
        <translation>Het bestand %1 bestaat al. Wilt u het vervangen?</translation>
    </message>
    <message>
        <source>Reason for leerplicht</source>
        <translation>Reden voor leerplicht</translation>
    </message>
    <message>
        <source>This pupil has no unauthorised absence. Leerplicht may only process a pupil&apos;s data when unauthorised absence was reported or an exemption is at stake.
Why does leerplicht get this document? (Kept in the audit log; a dossier also prints it.)</source>
        <translation>Deze leerling heeft geen ongeoorloofd verzuim. Leerplicht mag alleen gegevens van een leerling verwerken als er ongeoorloofd verzuim is gemeld of een vrijstelling aan de orde is.
Waarom krijgt leerplicht dit document? (Wordt bewaard in het logboek; een dossier drukt de reden ook af.)</translation>
    </message>
    <message>
        <source>Not exported: leerplicht gets this document only with a reason.</source>
        <translation>Niet geëxporteerd: leerplicht krijgt dit document alleen met een reden.</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Bezig met exporteren…</translation>
    </message>
    <message>
        <source>Saved: %1 (%2 reports, each on its own page)</source>
        <translation>Opgeslagen: %1 (%2 meldingen, elk op een eigen pagina)</translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation>Opgeslagen: %1</translation>
    </message>
    <message>
        <source>Left out, health data does not go to the SWV: %1. Change the text in the case form if the SWV must read something else.</source>
        <translation>Niet opgenomen, gegevens over de gezondheid gaan niet naar het SWV: %1. Pas de tekst aan in het Traject als het SWV iets anders moet lezen.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Sluiten</translation>
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
        <source>An export of the school&apos;s administration (ParnasSys, ESIS or another LAS): a spreadsheet (CSV or Excel) or an EDEX file.</source>
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
        <source>Spreadsheets (*.xlsx *.xls *.ods *.csv *.txt)</source>
        <translation>Spreadsheets (*.xlsx *.xls *.ods *.csv *.txt)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Alle bestanden (*)</translation>
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
    <name>GuardiansDialog</name>
    <message>
        <source>Parents and carers of %1</source>
        <translation>Ouders en verzorgers van %1</translation>
    </message>
    <message>
        <source>Parents and carers</source>
        <translation>Ouders en verzorgers</translation>
    </message>
    <message>
        <source>mother, father, carer, guardian…</source>
        <translation>moeder, vader, verzorger, voogd…</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <source>Relation</source>
        <translation>Relatie</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefoon</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Nieuw</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Opslaan</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Verwijderen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <source>VerzuimDesk manual</source>
        <translation>Handleiding VerzuimDesk</translation>
    </message>
    <message>
        <source>Manual</source>
        <translation>Handleiding</translation>
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
    <name>LetterDialog</name>
    <message>
        <source>Make a letter — %1</source>
        <translation>Brief maken — %1</translation>
    </message>
    <message>
        <source>to the parents</source>
        <translation>aan de ouders</translation>
    </message>
    <message>
        <source>to leerplicht</source>
        <translation>aan leerplicht</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>Brief</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>The letter&apos;s text</source>
        <translation>De tekst van de brief</translation>
    </message>
    <message>
        <source>The texts are templates the school may edit (File → Letters and letterhead). A letter to leerplicht never holds health data.</source>
        <translation>De teksten zijn sjablonen die de school mag aanpassen (Bestand → Brieven en briefhoofd). Een brief aan leerplicht bevat nooit gezondheidsgegevens.</translation>
    </message>
    <message>
        <source>Not set yet (Settings → School, File → Letters and letterhead): %1.</source>
        <translation>Nog niet ingesteld (Instellingen → School, Bestand → Brieven en briefhoofd): %1.</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>Opslaan als pdf…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Tekst</translation>
    </message>
    <message>
        <source>Save the letter</source>
        <translation>Brief opslaan</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>Pdf (*.pdf)</translation>
    </message>
</context>
<context>
    <name>LetterSettingsDialog</name>
    <message>
        <source>Letters and letterhead</source>
        <translation>Brieven en briefhoofd</translation>
    </message>
    <message>
        <source>Empty: the letters that ship (%1)</source>
        <translation>Leeg: de meegeleverde brieven (%1)</translation>
    </message>
    <message>
        <source>Logo (PNG or JPEG):</source>
        <translation>Logo (PNG of JPEG):</translation>
    </message>
    <message>
        <source>Signature (scan, PNG):</source>
        <translation>Handtekening (scan, PNG):</translation>
    </message>
    <message>
        <source>Address of the school:</source>
        <translation>Adres van de school:</translation>
    </message>
    <message>
        <source>Place (for the date line):</source>
        <translation>Plaats (voor de datumregel):</translation>
    </message>
    <message>
        <source>Function of who signs:</source>
        <translation>Functie van wie ondertekent:</translation>
    </message>
    <message>
        <source>Own letter templates (folder):</source>
        <translation>Eigen briefsjablonen (map):</translation>
    </message>
    <message>
        <source>The directeur who signs, the phone number and the e-mail address are set under Settings → School.</source>
        <translation>De directeur die ondertekent, het telefoonnummer en het e-mailadres stelt u in onder Instellingen → School.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Opslaan</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Bladeren…</translation>
    </message>
    <message>
        <source>Choose a folder</source>
        <translation>Kies een map</translation>
    </message>
    <message>
        <source>Choose an image</source>
        <translation>Kies een afbeelding</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>Afbeeldingen (*.png *.jpg *.jpeg)</translation>
    </message>
</context>
<context>
    <name>LettersTab</name>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>Brief</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Aan</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Bestand</translation>
    </message>
    <message>
        <source>Made by</source>
        <translation>Gemaakt door</translation>
    </message>
    <message>
        <source>Make a letter…</source>
        <translation>Brief maken…</translation>
    </message>
    <message>
        <source>parents</source>
        <translation>ouders</translation>
    </message>
    <message>
        <source>leerplicht</source>
        <translation>leerplicht</translation>
    </message>
    <message>
        <source>No letters made yet.</source>
        <translation>Nog geen brieven gemaakt.</translation>
    </message>
</context>
<context>
    <name>LockSection</name>
    <message>
        <source>minutes</source>
        <translation>minuten</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Opslaan</translation>
    </message>
    <message>
        <source>Lock the app after:</source>
        <translation>Programma vergrendelen na:</translation>
    </message>
    <message>
        <source>Saved. It applies from the next login.</source>
        <translation>Opgeslagen. Dit geldt vanaf de volgende keer inloggen.</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Demo school: log in as one of these to try each role.</source>
        <translation>Demoschool: meld u aan als een van deze gebruikers om elke rol te proberen.</translation>
    </message>
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
        <source>The program locked itself after a while without use.</source>
        <translation>Het programma is vergrendeld na een tijd zonder gebruik.</translation>
    </message>
    <message>
        <source>VerzuimDesk is locked.</source>
        <translation>VerzuimDesk is vergrendeld.</translation>
    </message>
    <message>
        <source>Your unsaved text is kept. Log in again to go on, or log in as someone else to switch user.</source>
        <translation>Niet-opgeslagen tekst blijft bewaard. Meld u opnieuw aan om verder te gaan, of meld u aan als iemand anders om van gebruiker te wisselen.</translation>
    </message>
    <message>
        <source>Choose your own password to go on.</source>
        <translation>Kies een eigen wachtwoord om verder te gaan.</translation>
    </message>
</context>
<context>
    <name>LuxeDialog</name>
    <message>
        <source>Absence on days of refused leave</source>
        <translation>Verzuim op dagen van geweigerd verlof</translation>
    </message>
    <message>
        <source>Proposals</source>
        <translation>Voorstellen</translation>
    </message>
    <message>
        <source>%1 — %2: registered as %3 (request %4)</source>
        <translation>%1 — %2: geregistreerd als %3 (aanvraag %4)</translation>
    </message>
    <message>
        <source>The leave for these days was refused. Confirm the records that are luxeverzuim: they become X, and the LUXE rule asks for the DUO report within 5 werkdagen.</source>
        <translation>Het verlof voor deze dagen is geweigerd. Bevestig de registraties die luxeverzuim zijn: ze worden X, en de regel luxeverzuim vraagt binnen 5 werkdagen om de melding bij DUO.</translation>
    </message>
    <message>
        <source>Confirm as luxeverzuim</source>
        <translation>Bevestigen als luxeverzuim</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Sluiten</translation>
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
        <source>Navigation</source>
        <translation>Navigatie</translation>
    </message>
    <message>
        <source>Analysis</source>
        <translation>Analyse</translation>
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
        <source>Change &amp;password…</source>
        <translation>&amp;Wachtwoord wijzigen…</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Importeren…</translation>
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
        <source>&amp;Topics to check…</source>
        <translation>&amp;Onderwerpen controleren…</translation>
    </message>
    <message>
        <source>Letters and letter&amp;head…</source>
        <translation>Brieven en brief&amp;hoofd…</translation>
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
        <source>&amp;Leave requests…</source>
        <translation>&amp;Verlofaanvragen…</translation>
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
        <source>&amp;Manual</source>
        <translation>&amp;Handleiding</translation>
    </message>
    <message>
        <source>About VerzuimDesk</source>
        <translation>Over VerzuimDesk</translation>
    </message>
    <message>
        <source>Your password is changed.</source>
        <translation>Uw wachtwoord is gewijzigd.</translation>
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
        <source>Preset</source>
        <translation>Voorinstelling</translation>
    </message>
    <message>
        <source>Save as preset…</source>
        <translation>Opslaan als voorinstelling…</translation>
    </message>
    <message>
        <source>What the LAS&apos;s codes mean (remembered for the next import):</source>
        <translation>Wat de codes van het LAS betekenen (onthouden voor de volgende keer):</translation>
    </message>
    <message>
        <source>Preset:</source>
        <translation>Voorinstelling:</translation>
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
        <source>(recognised from the headers)</source>
        <translation>(herkend aan de kolomkoppen)</translation>
    </message>
    <message>
        <source>(own)</source>
        <translation>(eigen)</translation>
    </message>
    <message>
        <source>Save as preset</source>
        <translation>Opslaan als voorinstelling</translation>
    </message>
    <message>
        <source>Name of the preset:</source>
        <translation>Naam van de voorinstelling:</translation>
    </message>
    <message>
        <source>Still to choose (required): %1</source>
        <translation>Nog te kiezen (verplicht): %1</translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message>
        <source>Show these pupils in the list</source>
        <translation>Toon deze leerlingen in de lijst</translation>
    </message>
    <message>
        <source>To do</source>
        <translation>Te doen</translation>
    </message>
    <message>
        <source>Nothing to do: every action of the stappenplan is done.</source>
        <translation>Niets te doen: elke actie van het stappenplan is gedaan.</translation>
    </message>
    <message>
        <source>Computing the lights of the school…</source>
        <translation>De stoplichten van de school worden berekend…</translation>
    </message>
    <message>
        <source>One moment: every pupil&apos;s light is being worked out.</source>
        <translation>Een ogenblik: het stoplicht van elke leerling wordt bepaald.</translation>
    </message>
    <message>
        <source>The school on %1</source>
        <translation>De school op %1</translation>
    </message>
    <message>
        <source>To do: %1 open actions, %2 overdue</source>
        <translation>Te doen: %1 open acties, %2 over de termijn</translation>
    </message>
    <message>
        <source>To do: 1 open action, %2 overdue</source>
        <translation>Te doen: 1 open actie, %2 over de termijn</translation>
    </message>
    <message>
        <source>Registration not checked yet (last 3 schooldagen):</source>
        <translation>Registratie nog niet gecontroleerd (laatste 3 schooldagen):</translation>
    </message>
    <message>
        <source>group %1</source>
        <translation>groep %1</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>Change your password</source>
        <translation>Uw wachtwoord wijzigen</translation>
    </message>
    <message>
        <source>Current password:</source>
        <translation>Huidig wachtwoord:</translation>
    </message>
    <message>
        <source>New password (at least 10 characters):</source>
        <translation>Nieuw wachtwoord (minstens 10 tekens):</translation>
    </message>
    <message>
        <source>New password again:</source>
        <translation>Nieuw wachtwoord nogmaals:</translation>
    </message>
    <message>
        <source>You logged in with a one-time password. Choose your own password now; only you will know it.</source>
        <translation>U bent aangemeld met een eenmalig wachtwoord. Kies nu uw eigen wachtwoord; alleen u kent het.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Opslaan</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
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
    <name>PlanDialog</name>
    <message>
        <source>Link a plan</source>
        <translation>Plan koppelen</translation>
    </message>
    <message>
        <source>Change a plan</source>
        <translation>Plan wijzigen</translation>
    </message>
    <message>
        <source>A file, or an address starting with https://</source>
        <translation>Een bestand, of een adres dat begint met https://</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Bladeren…</translation>
    </message>
    <message>
        <source>Evaluation on</source>
        <translation>Evaluatie op</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Opslaan</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>File or URL</source>
        <translation>Bestand of URL</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Toelichting</translation>
    </message>
    <message>
        <source>About</source>
        <translation>Onderwerp</translation>
    </message>
    <message>
        <source>Choose the plan&apos;s file</source>
        <translation>Kies het bestand van het plan</translation>
    </message>
</context>
<context>
    <name>PlansTab</name>
    <message>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Evaluation</source>
        <translation>Evaluatie</translation>
    </message>
    <message>
        <source>File or URL</source>
        <translation>Bestand of URL</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Toelichting</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Openen</translation>
    </message>
    <message>
        <source>Link a plan…</source>
        <translation>Plan koppelen…</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Wijzigen</translation>
    </message>
    <message>
        <source>Delete link</source>
        <translation>Koppeling verwijderen</translation>
    </message>
    <message>
        <source>file is gone</source>
        <translation>bestand is weg</translation>
    </message>
    <message>
        <source>No IHP, OPP or plan van aanpak linked yet.</source>
        <translation>Nog geen IHP, OPP of plan van aanpak gekoppeld.</translation>
    </message>
    <message>
        <source>Open plan</source>
        <translation>Plan openen</translation>
    </message>
    <message>
        <source>The file &apos;%1&apos; is gone: it was moved, renamed or deleted. Link the plan again with Change.</source>
        <translation>Het bestand &apos;%1&apos; is weg: verplaatst, hernoemd of verwijderd. Koppel het plan opnieuw met Wijzigen.</translation>
    </message>
    <message>
        <source>This link is not opened: %1 Link the plan again with Change.</source>
        <translation>Deze koppeling wordt niet geopend: %1 Koppel het plan opnieuw met Wijzigen.</translation>
    </message>
    <message>
        <source>This opens %1

Open it?</source>
        <translation>Dit opent %1

Openen?</translation>
    </message>
    <message>
        <source>No program could open &apos;%1&apos;.</source>
        <translation>Geen programma kon &apos;%1&apos; openen.</translation>
    </message>
    <message>
        <source>Delete the link to this plan? The file itself stays where it is.</source>
        <translation>De koppeling met dit plan verwijderen? Het bestand zelf blijft staan.</translation>
    </message>
</context>
<context>
    <name>ProtocolSection</name>
    <message>
        <source>Load an edited protocol file…</source>
        <translation>Bewerkt protocolbestand laden…</translation>
    </message>
    <message>
        <source>Use this protocol</source>
        <translation>Dit protocol gebruiken</translation>
    </message>
    <message>
        <source>Own file: %1</source>
        <translation>Eigen bestand: %1</translation>
    </message>
    <message>
        <source>Choose a protocol file</source>
        <translation>Kies een protocolbestand</translation>
    </message>
    <message>
        <source>Protocol files (*.toml)</source>
        <translation>Protocolbestanden (*.toml)</translation>
    </message>
    <message>
        <source>The file is valid. Press &apos;Use this protocol&apos; to make it the school&apos;s.</source>
        <translation>Het bestand is in orde. Kies &apos;Dit protocol gebruiken&apos; om het voor de school in te stellen.</translation>
    </message>
    <message>
        <source>The school now follows: %1</source>
        <translation>De school volgt nu: %1</translation>
    </message>
</context>
<context>
    <name>PupilModel</name>
    <message>
        <source>Light</source>
        <translation>Kleur</translation>
    </message>
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
        <source>Main reason</source>
        <translation>Belangrijkste reden</translation>
    </message>
    <message>
        <source>Next action</source>
        <translation>Volgende actie</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Uiterlijk</translation>
    </message>
    <message>
        <source>Unauth. h</source>
        <translation>Ongeoorl. u</translation>
    </message>
    <message>
        <source>Sick rep.</source>
        <translation>Ziekmeld.</translation>
    </message>
    <message>
        <source>Signals</source>
        <translation>Signalen</translation>
    </message>
    <message>
        <source>Hours of unauthorised and unexplained absence in the last 4 lesweken</source>
        <translation>Uren ongeoorloofd verzuim en verzuim zonder bekende reden in de laatste 4 lesweken</translation>
    </message>
    <message>
        <source>Sick episodes that started in the last 12 lesweken</source>
        <translation>Ziekmeldingen die begonnen in de laatste 12 lesweken</translation>
    </message>
    <message>
        <source>Risk factors found in the records: a reason to look, never a change of the light</source>
        <translation>Risicofactoren uit de registratie: een reden om te kijken, nooit een ander licht</translation>
    </message>
    <message>
        <source>The birth date is missing: the pupil is taken as leerplichtig. Enter it in the LAS and import the pupils again.</source>
        <translation>De geboortedatum ontbreekt: de leerling geldt als leerplichtig. Vul hem in het LAS in en importeer de leerlingen opnieuw.</translation>
    </message>
    <message>
        <source>Birth date missing</source>
        <translation>Geboortedatum ontbreekt</translation>
    </message>
    <message>
        <source>birth date missing</source>
        <translation>geboortedatum ontbreekt</translation>
    </message>
</context>
<context>
    <name>PupilsPage</name>
    <message>
        <source>Search by name or number (Ctrl+F)</source>
        <translation>Zoek op naam of leerlingnummer (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search pupil</source>
        <translation>Leerling zoeken</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Groep</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Kleur</translation>
    </message>
    <message>
        <source>All lights</source>
        <translation>Alle kleuren</translation>
    </message>
    <message>
        <source>Pupils</source>
        <translation>Leerlingen</translation>
    </message>
    <message>
        <source>Group:</source>
        <translation>Groep:</translation>
    </message>
    <message>
        <source>Light:</source>
        <translation>Kleur:</translation>
    </message>
    <message>
        <source>ZAT preparation (PDF)…</source>
        <translation>ZAT-voorbereiding (PDF)…</translation>
    </message>
    <message>
        <source>Internal document of the selected pupils for the care team: light, rules, open actions, signals and agreements</source>
        <translation>Intern document van de gekozen leerlingen voor het zorgadviesteam: licht, regels, open acties, signalen en afspraken</translation>
    </message>
    <message>
        <source>Computing the lights…</source>
        <translation>Stoplichten worden berekend…</translation>
    </message>
    <message>
        <source>All groups</source>
        <translation>Alle groepen</translation>
    </message>
    <message>
        <source>%1 pupils</source>
        <translation>%1 leerlingen</translation>
    </message>
    <message>
        <source>1 pupil</source>
        <translation>1 leerling</translation>
    </message>
    <message>
        <source>Pupils (optional)</source>
        <translation>Leerlingen (niet verplicht)</translation>
    </message>
    <message>
        <source>A CSV export of your pupil administration: leerlingnummer, voornaam, tussenvoegsel, achternaam, geboortedatum, groep, inschrijfdatum. You can also do this later through the import.</source>
        <translation>Een CSV-export uit uw leerlingadministratie: leerlingnummer, voornaam, tussenvoegsel, achternaam, geboortedatum, groep, inschrijfdatum. Dit kan ook later via Inlezen.</translation>
    </message>
    <message>
        <source>Import pupils from a CSV file…</source>
        <translation>Leerlingen inlezen uit een CSV-bestand…</translation>
    </message>
    <message>
        <source>Choose the pupils file</source>
        <translation>Kies het leerlingenbestand</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt)</source>
        <translation>CSV-bestanden (*.csv *.txt)</translation>
    </message>
    <message>
        <source>Imported: %1</source>
        <translation>Ingelezen: %1</translation>
    </message>
</context>
<context>
    <name>QuarterlyLine</name>
    <message>
        <source>Quarterly list %1: %2 pupils, %3 to confirm, %4 fields empty</source>
        <translation>Kwartaalopgave %1: %2 leerlingen, %3 nog te bevestigen, %4 velden leeg</translation>
    </message>
    <message>
        <source>Confirm the proposals and fill in the empty fields on the page Quarterly list</source>
        <translation>Bevestig de voorstellen en vul de lege velden in op de pagina Kwartaal</translation>
    </message>
</context>
<context>
    <name>QuarterlyPage</name>
    <message>
        <source>Pupil</source>
        <translation>Leerling</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Groep</translation>
    </message>
    <message>
        <source>OT number</source>
        <translation>OT-nummer</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Categorie</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Main cause</source>
        <translation>Hoofdoorzaak</translation>
    </message>
    <message>
        <source>Intervention</source>
        <translation>Interventie</translation>
    </message>
    <message>
        <source>Education followed</source>
        <translation>Onderwijsdeelname</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Afgesloten</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Toelichting</translation>
    </message>
    <message>
        <source>Confirm…</source>
        <translation>Bevestigen…</translation>
    </message>
    <message>
        <source>Open the case form filled in with the proposal</source>
        <translation>Open het trajectformulier, ingevuld met het voorstel</translation>
    </message>
    <message>
        <source>Dismiss…</source>
        <translation>Afwijzen…</translation>
    </message>
    <message>
        <source>Not a case of worrying absence: give the reason; it stays visible, greyed</source>
        <translation>Geen zorgwekkend verzuim: geef de reden; het voorstel blijft grijs zichtbaar</translation>
    </message>
    <message>
        <source>Case…</source>
        <translation>Traject…</translation>
    </message>
    <message>
        <source>Confirm or correct the case (Enter)</source>
        <translation>Traject bevestigen of corrigeren (Enter)</translation>
    </message>
    <message>
        <source>Open dossier</source>
        <translation>Dossier openen</translation>
    </message>
    <message>
        <source>Export for the SWV…</source>
        <translation>Exporteren voor het SWV…</translation>
    </message>
    <message>
        <source>%1 proposals from the records, not yet confirmed: confirm or dismiss them.</source>
        <translation>%1 voorstel(len) uit de registraties, nog niet bevestigd: bevestig of wijs af.</translation>
    </message>
    <message>
        <source>%1 dismissed (greyed).</source>
        <translation>%1 afgewezen (grijs).</translation>
    </message>
    <message>
        <source>(proposed: %1)</source>
        <translation>(voorstel: %1)</translation>
    </message>
    <message>
        <source>Proposal: close per %1, the pupil was deregistered</source>
        <translation>Voorstel: afronden per %1, de leerling is uitgeschreven</translation>
    </message>
    <message>
        <source>Proposal: close per %1, back at school for more than half</source>
        <translation>Voorstel: afronden per %1, weer meer dan de helft op school</translation>
    </message>
    <message>
        <source>Still missing: %1</source>
        <translation>Nog in te vullen: %1</translation>
    </message>
    <message>
        <source>%1, proposal, not yet confirmed</source>
        <translation>%1, voorstel, nog niet bevestigd</translation>
    </message>
    <message>
        <source>%1, dismissed</source>
        <translation>%1, afgewezen</translation>
    </message>
    <message>
        <source>Dismissed: %1</source>
        <translation>Afgewezen: %1</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>ontbreekt</translation>
    </message>
    <message>
        <source>Still to fill in for the SWV: %1</source>
        <translation>Nog in te vullen voor het SWV: %1</translation>
    </message>
    <message>
        <source>%1 school weeks %2% absent, %3% of it unauthorised or unexplained</source>
        <translation>%1 lesweken %2% afwezig, daarvan %3% ongeoorloofd of onbekend</translation>
    </message>
    <message>
        <source>%1% on days the pupil was not of compulsory school age or exempted (never category A)</source>
        <translation>%1% op dagen dat de leerling niet leerplichtig was of vrijstelling had (nooit categorie A)</translation>
    </message>
    <message>
        <source>Per school week: %1</source>
        <translation>Per lesweek: %1</translation>
    </message>
    <message>
        <source>nothing to add</source>
        <translation>niets toe te voegen</translation>
    </message>
    <message>
        <source>Undo dismissal</source>
        <translation>Afwijzing terugdraaien</translation>
    </message>
    <message>
        <source>Dismiss proposal</source>
        <translation>Voorstel afwijzen</translation>
    </message>
    <message>
        <source>Why is %1 no case of worrying absence?</source>
        <translation>Waarom is %1 geen zorgwekkend verzuim?</translation>
    </message>
    <message>
        <source>Quarterly list for %1</source>
        <translation>Kwartaalopgave voor %1</translation>
    </message>
    <message>
        <source>%1 days left. %2 cases, %3 fields still missing.</source>
        <translation>Nog %1 dagen. %2 trajecten, nog %3 velden in te vullen.</translation>
    </message>
</context>
<context>
    <name>RecoveryPage</name>
    <message>
        <source>Write down the recovery key</source>
        <translation>Schrijf de herstelsleutel op</translation>
    </message>
    <message>
        <source>If every password is forgotten, only this key opens the database. It is shown this once. Write it down and keep it in a safe place, away from the laptop.</source>
        <translation>Als alle wachtwoorden vergeten zijn, opent alleen deze sleutel de database. Hij wordt maar één keer getoond. Schrijf hem op en bewaar hem op een veilige plek, niet bij de laptop.</translation>
    </message>
    <message>
        <source>Save as PDF to print…</source>
        <translation>Opslaan als pdf om te printen…</translation>
    </message>
    <message>
        <source>I have written down the recovery key</source>
        <translation>Ik heb de herstelsleutel opgeschreven</translation>
    </message>
    <message>
        <source>Save the recovery key</source>
        <translation>Herstelsleutel opslaan</translation>
    </message>
</context>
<context>
    <name>RegistrationModel</name>
    <message>
        <source>weekend</source>
        <translation>weekend</translation>
    </message>
    <message>
        <source>no school year</source>
        <translation>geen schooljaar</translation>
    </message>
    <message>
        <source>vacation</source>
        <translation>vakantie</translation>
    </message>
    <message>
        <source>public holiday</source>
        <translation>feestdag</translation>
    </message>
    <message>
        <source>study day</source>
        <translation>studiedag</translation>
    </message>
    <message>
        <source>no lessons</source>
        <translation>geen les</translation>
    </message>
    <message>
        <source>%1 is no schooldag: %2</source>
        <translation>%1 is geen schooldag: %2</translation>
    </message>
    <message>
        <source>Not enrolled on %1</source>
        <translation>Niet ingeschreven op %1</translation>
    </message>
    <message>
        <source>whole day</source>
        <translation>hele dag</translation>
    </message>
    <message>
        <source>%1 minutes late</source>
        <translation>%1 minuten te laat</translation>
    </message>
    <message>
        <source>Reported %1 at %2</source>
        <translation>Gemeld %1 om %2</translation>
    </message>
    <message>
        <source>by %1</source>
        <translation>door %1</translation>
    </message>
    <message>
        <source>Pupil number %1</source>
        <translation>Leerlingnummer %1</translation>
    </message>
    <message>
        <source>Pupil</source>
        <translation>Leerling</translation>
    </message>
    <message>
        <source>registration checked</source>
        <translation>registratie gecontroleerd</translation>
    </message>
    <message>
        <source>registration not checked</source>
        <translation>registratie niet gecontroleerd</translation>
    </message>
    <message>
        <source>today</source>
        <translation>vandaag</translation>
    </message>
    <message>
        <source>day</source>
        <translation>dag</translation>
    </message>
    <message>
        <source>morning</source>
        <translation>ochtend</translation>
    </message>
    <message>
        <source>afternoon</source>
        <translation>middag</translation>
    </message>
</context>
<context>
    <name>RegistrationPage</name>
    <message>
        <source>Group:</source>
        <translation>Groep:</translation>
    </message>
    <message>
        <source>Previous week</source>
        <translation>Vorige week</translation>
    </message>
    <message>
        <source>Next week</source>
        <translation>Volgende week</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>Deze week</translation>
    </message>
    <message>
        <source>The week of today</source>
        <translation>De week van vandaag</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Ongedaan maken</translation>
    </message>
    <message>
        <source>Undo the last entry</source>
        <translation>De laatste invoer ongedaan maken</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Opnieuw</translation>
    </message>
    <message>
        <source>Redo the entry</source>
        <translation>De invoer opnieuw doen</translation>
    </message>
    <message>
        <source>Sick report…</source>
        <translation>Ziekmelding…</translation>
    </message>
    <message>
        <source>Register a sick report for a pupil</source>
        <translation>Een ziekmelding van een leerling vastleggen</translation>
    </message>
    <message>
        <source>&lt;b&gt;letter&lt;/b&gt;: code for this part &amp;nbsp; &lt;b&gt;Shift+letter&lt;/b&gt;: whole day &amp;nbsp; &lt;b&gt;Shift+arrows&lt;/b&gt;: select, all get the code (both parts: whole day)</source>
        <translation>&lt;b&gt;letter&lt;/b&gt;: code voor dit dagdeel &amp;nbsp; &lt;b&gt;Shift+letter&lt;/b&gt;: hele dag &amp;nbsp; &lt;b&gt;Shift+pijltjes&lt;/b&gt;: selecteren, alle krijgen de code (beide dagdelen: hele dag)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Delete&lt;/b&gt;: clear &amp;nbsp; &lt;b&gt;Enter&lt;/b&gt;: details &amp;nbsp; &lt;b&gt;Ctrl+Z&lt;/b&gt;: undo &amp;nbsp; &lt;b&gt;Alt+←/→&lt;/b&gt;: week &amp;nbsp; &lt;b&gt;Ctrl+M&lt;/b&gt;: sick report</source>
        <translation>&lt;b&gt;Delete&lt;/b&gt;: wissen &amp;nbsp; &lt;b&gt;Enter&lt;/b&gt;: details &amp;nbsp; &lt;b&gt;Ctrl+Z&lt;/b&gt;: ongedaan maken &amp;nbsp; &lt;b&gt;Alt+←/→&lt;/b&gt;: week &amp;nbsp; &lt;b&gt;Ctrl+M&lt;/b&gt;: ziekmelding</translation>
    </message>
    <message>
        <source>&lt;b&gt;Ctrl+K&lt;/b&gt;: part of the day checked</source>
        <translation>&lt;b&gt;Ctrl+K&lt;/b&gt;: dagdeel gecontroleerd</translation>
    </message>
    <message>
        <source>week %1: %2 – %3</source>
        <translation>week %1: %2 – %3</translation>
    </message>
    <message>
        <source>No groups to show.</source>
        <translation>Geen groepen om te tonen.</translation>
    </message>
    <message>
        <source>Registration of group %1</source>
        <translation>Registratie van groep %1</translation>
    </message>
    <message>
        <source>You may not change the registration.</source>
        <translation>U mag de registratie niet wijzigen.</translation>
    </message>
    <message>
        <source>Choose a day part first (the columns right of the name).</source>
        <translation>Kies eerst een dagdeel (de kolommen rechts van de naam).</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Niet opgeslagen: %1</translation>
    </message>
    <message>
        <source>Unknown code &apos;%1&apos;. Known: %2</source>
        <translation>Onbekende code &apos;%1&apos;. Bekend: %2</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>Te laat</translation>
    </message>
    <message>
        <source>How many minutes late?</source>
        <translation>Hoeveel minuten te laat?</translation>
    </message>
    <message>
        <source>Code %1</source>
        <translation>Code %1</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Wissen</translation>
    </message>
    <message>
        <source>Undone: %1.</source>
        <translation>Ongedaan gemaakt: %1.</translation>
    </message>
    <message>
        <source>Redone: %1.</source>
        <translation>Opnieuw gedaan: %1.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Opgeslagen.</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Log a conversation?</source>
        <translation>Gesprek vastleggen?</translation>
    </message>
    <message>
        <source>The unknown reason is now known. Do you want to log the call home as a conversation?</source>
        <translation>De reden is nu bekend. Wilt u het contact met thuis vastleggen als gesprek?</translation>
    </message>
</context>
<context>
    <name>ReportMadeDialog</name>
    <message>
        <source>Register a report made</source>
        <translation>Melding registreren</translation>
    </message>
    <message>
        <source>Change a report</source>
        <translation>Melding wijzigen</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>Registreren</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Melding</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Toelichting</translation>
    </message>
    <message>
        <source>About</source>
        <translation>Onderwerp</translation>
    </message>
    <message>
        <source>Meldingsnummer</source>
        <translation>Meldingsnummer</translation>
    </message>
    <message>
        <source>From DUO&apos;s confirmation (required)</source>
        <translation>Uit de bevestiging van DUO (verplicht)</translation>
    </message>
    <message>
        <source>Registering the report fulfils the open DUO actions; counting restarts after the report.</source>
        <translation>De melding rondt de open DUO-acties af; het tellen begint na de melding opnieuw.</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Kenmerk</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>Niet verplicht</translation>
    </message>
    <message>
        <source>No diagnosis: record that the pupil is ill and what was agreed, never what the illness is.</source>
        <translation>Geen diagnose: leg vast dát de leerling ziek is en wat is afgesproken, nooit wát de ziekte is.</translation>
    </message>
</context>
<context>
    <name>ReportsTab</name>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Melding</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Kenmerk</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Toelichting</translation>
    </message>
    <message>
        <source>Register a report…</source>
        <translation>Melding registreren…</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Wijzigen</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Verwijderen</translation>
    </message>
    <message>
        <source>DUO report form (PDF)…</source>
        <translation>DUO-meldformulier (pdf)…</translation>
    </message>
    <message>
        <source>No reports made yet.</source>
        <translation>Nog geen meldingen.</translation>
    </message>
    <message>
        <source>Delete report</source>
        <translation>Melding verwijderen</translation>
    </message>
    <message>
        <source>Delete this report? The actions it fulfilled become open again.</source>
        <translation>Deze melding verwijderen? De acties die ze afrondde staan dan weer open.</translation>
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
    <name>SchoolPage</name>
    <message>
        <source>Your school</source>
        <translation>Uw school</translation>
    </message>
    <message>
        <source>Name of the school:</source>
        <translation>Naam van de school:</translation>
    </message>
    <message>
        <source>BRIN number (optional):</source>
        <translation>BRIN-nummer (niet verplicht):</translation>
    </message>
    <message>
        <source>Protocol (stappenplan) of your region:</source>
        <translation>Protocol (stappenplan) van uw regio:</translation>
    </message>
</context>
<context>
    <name>SchoolSection</name>
    <message>
        <source>(none)</source>
        <translation>(geen)</translation>
    </message>
    <message>
        <source>Signs the dossier for leerplicht</source>
        <translation>Ondertekent het dossier voor leerplicht</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Opslaan</translation>
    </message>
    <message>
        <source>Name of the school:</source>
        <translation>Naam van de school:</translation>
    </message>
    <message>
        <source>BRIN number:</source>
        <translation>BRIN-nummer:</translation>
    </message>
    <message>
        <source>Vacation region:</source>
        <translation>Vakantieregio:</translation>
    </message>
    <message>
        <source>Phone number of the school:</source>
        <translation>Telefoonnummer van de school:</translation>
    </message>
    <message>
        <source>E-mail address of the school:</source>
        <translation>E-mailadres van de school:</translation>
    </message>
    <message>
        <source>Name of the head teacher (directeur):</source>
        <translation>Naam van de directeur:</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Opgeslagen.</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>The settings of the school (calendar, lesson times, codes, protocol and staff) are managed by the IB-er. Ask the IB-er when something is not right.</source>
        <translation>De instellingen van de school (kalender, lestijden, codes, protocol en personeel) beheert de IB-er. Vraag het de IB-er als er iets niet klopt.</translation>
    </message>
    <message>
        <source>School</source>
        <translation>School</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>Kalender</translation>
    </message>
    <message>
        <source>Lesson times</source>
        <translation>Lestijden</translation>
    </message>
    <message>
        <source>Absence codes</source>
        <translation>Afwezigheidscodes</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>Protocol</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Personeel</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Vergrendelen</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <source>Set up a new school</source>
        <translation>Nieuwe school opzetten</translation>
    </message>
</context>
<context>
    <name>SickReportDialog</name>
    <message>
        <source>Sick report</source>
        <translation>Ziekmelding</translation>
    </message>
    <message>
        <source>%1 (%2, group %3)</source>
        <translation>%1 (%2, groep %3)</translation>
    </message>
    <message>
        <source>Name or pupil number</source>
        <translation>Naam of leerlingnummer</translation>
    </message>
    <message>
        <source>Expected back on</source>
        <translation>Verwacht terug op</translation>
    </message>
    <message>
        <source>No diagnosis: the school records that a pupil is ill, not what.</source>
        <translation>Geen diagnose: de school legt vast dát een leerling ziek is, niet wat.</translation>
    </message>
    <message>
        <source>Pupil:</source>
        <translation>Leerling:</translation>
    </message>
    <message>
        <source>Reported by:</source>
        <translation>Gemeld door:</translation>
    </message>
    <message>
        <source>Reported at:</source>
        <translation>Gemeld op:</translation>
    </message>
    <message>
        <source>Sick on:</source>
        <translation>Ziek op:</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>Opmerking:</translation>
    </message>
    <message>
        <source>Register sick</source>
        <translation>Ziek melden</translation>
    </message>
    <message>
        <source>Choose one pupil from the list (type part of the name or the number).</source>
        <translation>Kies één leerling uit de lijst (typ een deel van de naam of het nummer).</translation>
    </message>
</context>
<context>
    <name>SignalsTab</name>
    <message>
        <source>A signal never changes the light and asks for no action: it is a reason to look. Signals stay inside the school. Double-click a date (or press Enter) to see that week in the registration.</source>
        <translation>Een signaal verandert het licht nooit en vraagt geen actie: het is een reden om te kijken. Signalen blijven binnen de school. Dubbelklik op een datum (of druk Enter) om die week in de registratie te zien.</translation>
    </message>
    <message>
        <source>No signals on the peildatum.</source>
        <translation>Geen signalen op de peildatum.</translation>
    </message>
    <message>
        <source>Forecast — %1</source>
        <translation>Vooruitblik — %1</translation>
    </message>
    <message>
        <source>Forecast — no report is in sight under continued absence, or one holds already.</source>
        <translation>Vooruitblik — geen melding in zicht bij aanhoudend verzuim, of er geldt al een.</translation>
    </message>
    <message>
        <source>Show this week in the registration</source>
        <translation>Deze week in de registratie tonen</translation>
    </message>
</context>
<context>
    <name>StaffModel</name>
    <message>
        <source>switched off</source>
        <translation>uitgeschakeld</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Gebruikersnaam</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>Groepen</translation>
    </message>
</context>
<context>
    <name>StaffSection</name>
    <message>
        <source>IB-er</source>
        <translation>IB-er</translation>
    </message>
    <message>
        <source>teacher</source>
        <translation>leerkracht</translation>
    </message>
    <message>
        <source>management</source>
        <translation>directie</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Personeel</translation>
    </message>
    <message>
        <source>e.g. 5, 6 (a teacher sees only these groups)</source>
        <translation>bijv. 5, 6 (een leerkracht ziet alleen deze groepen)</translation>
    </message>
    <message>
        <source>Add colleague</source>
        <translation>Collega toevoegen</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Naam:</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>Gebruikersnaam:</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>Rol:</translation>
    </message>
    <message>
        <source>Groups:</source>
        <translation>Groepen:</translation>
    </message>
    <message>
        <source>Initial password:</source>
        <translation>Eerste wachtwoord:</translation>
    </message>
    <message>
        <source>Switch off</source>
        <translation>Uitschakelen</translation>
    </message>
    <message>
        <source>New one-time password…</source>
        <translation>Nieuw eenmalig wachtwoord…</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>Verwijderen…</translation>
    </message>
    <message>
        <source>Accounts with a password exist on an encrypted database or a server. This database is a file that is not encrypted (such as the demo school).</source>
        <translation>Accounts met een wachtwoord bestaan op een versleutelde database of een server. Deze database is een bestand dat niet versleuteld is (zoals de demoschool).</translation>
    </message>
    <message>
        <source>Switch on…</source>
        <translation>Inschakelen…</translation>
    </message>
    <message>
        <source>One-time password</source>
        <translation>Eenmalig wachtwoord</translation>
    </message>
    <message>
        <source>Give %1 this one-time password. At the first login with it, %1 chooses a password of their own; you will not see it again.

%2</source>
        <translation>Geef %1 dit eenmalige wachtwoord. Bij de eerste aanmelding ermee kiest %1 een eigen wachtwoord; u ziet dit wachtwoord niet meer terug.

%2</translation>
    </message>
    <message>
        <source>%1 can log in again.</source>
        <translation>%1 kan zich weer aanmelden.</translation>
    </message>
    <message>
        <source>%1 is switched off and can no longer log in.</source>
        <translation>%1 is uitgeschakeld en kan zich niet meer aanmelden.</translation>
    </message>
    <message>
        <source>%1 has a new one-time password.</source>
        <translation>%1 heeft een nieuw eenmalig wachtwoord.</translation>
    </message>
    <message>
        <source>Remove colleague</source>
        <translation>Collega verwijderen</translation>
    </message>
    <message>
        <source>Remove %1? The account and its password go; the audit log keeps what %1 did. To stop a login for a while, switch the account off instead.</source>
        <translation>%1 verwijderen? Het account en het wachtwoord verdwijnen; het logboek bewaart wat %1 heeft gedaan. Wilt u aanmelden tijdelijk stoppen, schakel het account dan uit.</translation>
    </message>
    <message>
        <source>%1 is removed.</source>
        <translation>%1 is verwijderd.</translation>
    </message>
    <message>
        <source>Unknown group(s): %1</source>
        <translation>Onbekende groep(en): %1</translation>
    </message>
    <message>
        <source>%1 can now log in.</source>
        <translation>%1 kan nu inloggen.</translation>
    </message>
</context>
<context>
    <name>StatusLine</name>
    <message>
        <source>Saved.</source>
        <translation>Opgeslagen.</translation>
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
<context>
    <name>TimelineTab</name>
    <message>
        <source>Show</source>
        <translation>Toon</translation>
    </message>
    <message>
        <source>Everything</source>
        <translation>Alles</translation>
    </message>
    <message>
        <source>Absence</source>
        <translation>Verzuim</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>Gesprekken</translation>
    </message>
    <message>
        <source>Reports made</source>
        <translation>Meldingen</translation>
    </message>
    <message>
        <source>Plans</source>
        <translation>Plannen</translation>
    </message>
    <message>
        <source>Filter by text</source>
        <translation>Filter op tekst</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Soort</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Wat</translation>
    </message>
    <message>
        <source>whole day</source>
        <translation>hele dag</translation>
    </message>
    <message>
        <source>hours</source>
        <translation>uur</translation>
    </message>
    <message>
        <source>%1 minutes late</source>
        <translation>%1 minuten te laat</translation>
    </message>
    <message>
        <source>%1 agreements</source>
        <translation>%1 afspraken</translation>
    </message>
    <message>
        <source>1 agreement</source>
        <translation>1 afspraak</translation>
    </message>
    <message>
        <source>file is gone</source>
        <translation>bestand is weg</translation>
    </message>
</context>
<context>
    <name>TimesPage</name>
    <message>
        <source>Lesson times</source>
        <translation>Lestijden</translation>
    </message>
    <message>
        <source>The school&apos;s usual week. A group with other times (often groups 1-2) gets its own under Settings › Lesson times.</source>
        <translation>De gewone week van de school. Een groep met andere tijden (vaak groep 1-2) krijgt eigen lestijden via Instellingen › Lestijden.</translation>
    </message>
    <message>
        <source>Monday</source>
        <translation>Maandag</translation>
    </message>
    <message>
        <source>Tuesday</source>
        <translation>Dinsdag</translation>
    </message>
    <message>
        <source>Wednesday</source>
        <translation>Woensdag</translation>
    </message>
    <message>
        <source>Thursday</source>
        <translation>Donderdag</translation>
    </message>
    <message>
        <source>Friday</source>
        <translation>Vrijdag</translation>
    </message>
</context>
<context>
    <name>TimetableSection</name>
    <message>
        <source>This group has its own lesson times</source>
        <translation>Deze groep heeft eigen lestijden</translation>
    </message>
    <message>
        <source>Save lesson times</source>
        <translation>Lestijden opslaan</translation>
    </message>
    <message>
        <source>Timetable of:</source>
        <translation>Lestijden van:</translation>
    </message>
    <message>
        <source>Monday</source>
        <translation>Maandag</translation>
    </message>
    <message>
        <source>Tuesday</source>
        <translation>Dinsdag</translation>
    </message>
    <message>
        <source>Wednesday</source>
        <translation>Woensdag</translation>
    </message>
    <message>
        <source>Thursday</source>
        <translation>Donderdag</translation>
    </message>
    <message>
        <source>Friday</source>
        <translation>Vrijdag</translation>
    </message>
    <message>
        <source>Default (every group)</source>
        <translation>Standaard (alle groepen)</translation>
    </message>
    <message>
        <source>Group %1</source>
        <translation>Groep %1</translation>
    </message>
</context>
<context>
    <name>TodoModel</name>
    <message>
        <source>Pupil</source>
        <translation>Leerling</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Groep</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Actie</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reden</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Uiterlijk</translation>
    </message>
    <message>
        <source>In charge</source>
        <translation>Regie</translation>
    </message>
    <message>
        <source> (legal)</source>
        <translation>, wettelijk</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>over de termijn</translation>
    </message>
</context>
<context>
    <name>TopicBox</name>
    <message>
        <source>Unchanged</source>
        <translation>Ongewijzigd</translation>
    </message>
    <message>
        <source>Automatic (by kind; health when the text says so)</source>
        <translation>Automatisch (naar soort; gezondheid als de tekst dat noemt)</translation>
    </message>
    <message>
        <source>What it is about decides who may receive it: leerplicht gets only absence, the youth doctor only health.</source>
        <translation>Waar het over gaat bepaalt wie het mag ontvangen: leerplicht krijgt alleen verzuim, de jeugdarts alleen gezondheid.</translation>
    </message>
</context>
<context>
    <name>TopicReviewDialog</name>
    <message>
        <source>Topics to check</source>
        <translation>Onderwerpen controleren</translation>
    </message>
    <message>
        <source>These entries got their topic from a guess (the date of a sick day, or a health word). The topic decides who may receive an entry: leerplicht gets only absence, the youth doctor only health. Check each one and confirm or change its topic.</source>
        <translation>Deze onderdelen kregen hun onderwerp door een schatting (de datum van een ziektedag, of een gezondheidswoord). Het onderwerp bepaalt wie een onderdeel mag ontvangen: leerplicht krijgt alleen verzuim, de jeugdarts alleen gezondheid. Controleer ze één voor één en bevestig of wijzig het onderwerp.</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Pupil</source>
        <translation>Leerling</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Wat</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Tekst</translation>
    </message>
    <message>
        <source>About</source>
        <translation>Onderwerp</translation>
    </message>
    <message>
        <source>Every topic has been checked.</source>
        <translation>Alle onderwerpen zijn gecontroleerd.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>Bevestigen</translation>
    </message>
</context>
<context>
    <name>TrendCharts</name>
    <message>
        <source>Absent as % of lesson time, per period</source>
        <translation>Verzuim in % van de lestijd, per periode</translation>
    </message>
    <message>
        <source>Per group, by category (% of lesson time)</source>
        <translation>Per groep, naar categorie (% van de lestijd)</translation>
    </message>
    <message>
        <source>Share of each category in the absent minutes</source>
        <translation>Aandeel per categorie in de afwezige minuten</translation>
    </message>
    <message>
        <source>This period</source>
        <translation>Deze periode</translation>
    </message>
    <message>
        <source>A year earlier</source>
        <translation>Een jaar eerder</translation>
    </message>
    <message>
        <source>%1 (%2): %3% absent of %4 hours lesson time; %5 late; %6 pupils with absence</source>
        <translation>%1 (%2): %3% verzuim van %4 uur lestijd; %5 keer te laat; %6 leerlingen met verzuim</translation>
    </message>
    <message>
        <source>Group %1 – %2: %3% (%4 hours); all absence %5% of %6 hours</source>
        <translation>Groep %1 – %2: %3% (%4 uur); al het verzuim %5% van %6 uur</translation>
    </message>
    <message>
        <source>%1: %2 hours, %3% of the absent minutes</source>
        <translation>%1: %2 uur, %3% van de afwezige minuten</translation>
    </message>
</context>
<context>
    <name>VacationModel</name>
    <message>
        <source>(check)</source>
        <translation>(controleren)</translation>
    </message>
    <message>
        <source>Not certain: check this date against rijksoverheid.nl</source>
        <translation>Niet zeker: controleer deze datum op rijksoverheid.nl</translation>
    </message>
    <message>
        <source>Vacation</source>
        <translation>Vakantie</translation>
    </message>
    <message>
        <source>First day</source>
        <translation>Eerste dag</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>Laatste dag</translation>
    </message>
</context>
<context>
    <name>VerlofDialog</name>
    <message>
        <source>Leave requests (verlof)</source>
        <translation>Verlofaanvragen</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>Nr.</translation>
    </message>
    <message>
        <source>Pupil(s)</source>
        <translation>Leerling(en)</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Periode</translation>
    </message>
    <message>
        <source>Schooldagen</source>
        <translation>Schooldagen</translation>
    </message>
    <message>
        <source>Article</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Besluit</translation>
    </message>
    <message>
        <source>What the law says</source>
        <translation>Wat de wet zegt</translation>
    </message>
    <message>
        <source>Leave requests</source>
        <translation>Verlofaanvragen</translation>
    </message>
    <message>
        <source>New request…</source>
        <translation>Nieuwe aanvraag…</translation>
    </message>
    <message>
        <source>Decide…</source>
        <translation>Besluiten…</translation>
    </message>
    <message>
        <source>Only the directeur decides on leave</source>
        <translation>Alleen de directeur beslist over verlof</translation>
    </message>
    <message>
        <source>Make the letter…</source>
        <translation>Brief maken…</translation>
    </message>
    <message>
        <source>Absence on refused days…</source>
        <translation>Verzuim op geweigerde dagen…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
    <message>
        <source>within the law</source>
        <translation>binnen de wet</translation>
    </message>
    <message>
        <source>%1 absence record(s) on days of refused leave wait for your check as luxeverzuim.</source>
        <translation>%1 registratie(s) op dagen van geweigerd verlof wachten op uw controle als luxeverzuim.</translation>
    </message>
</context>
<context>
    <name>VerlofRequestDialog</name>
    <message>
        <source>New leave request</source>
        <translation>Nieuwe verlofaanvraag</translation>
    </message>
    <message>
        <source>Siblings in the same request</source>
        <translation>Broers en zussen in dezelfde aanvraag</translation>
    </message>
    <message>
        <source>As the parents give it</source>
        <translation>Zoals de ouders die opgeven</translation>
    </message>
    <message>
        <source>e.g. trouwkaart, werkgeversverklaring</source>
        <translation>bijv. trouwkaart, werkgeversverklaring</translation>
    </message>
    <message>
        <source>Employer&apos;s statement seen (needed for art. 13a)</source>
        <translation>Werkgeversverklaring gezien (nodig voor art. 13a)</translation>
    </message>
    <message>
        <source>What the law says</source>
        <translation>Wat de wet zegt</translation>
    </message>
    <message>
        <source>Pupil</source>
        <translation>Leerling</translation>
    </message>
    <message>
        <source>Siblings</source>
        <translation>Broers/zussen</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Van</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Tot en met</translation>
    </message>
    <message>
        <source>Article</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reden</translation>
    </message>
    <message>
        <source>Documents seen</source>
        <translation>Documenten gezien</translation>
    </message>
    <message>
        <source>Asked by</source>
        <translation>Aangevraagd door</translation>
    </message>
    <message>
        <source>Asked on</source>
        <translation>Aangevraagd op</translation>
    </message>
    <message>
        <source>Record request</source>
        <translation>Aanvraag vastleggen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>within the law; the directeur decides.</source>
        <translation>binnen de wet; de directeur beslist.</translation>
    </message>
    <message>
        <source>%1: %2 schooldagen — %3</source>
        <translation>%1: %2 schooldagen — %3</translation>
    </message>
</context>
<context>
    <name>ZatExport</name>
    <message>
        <source>Select one or more pupils in the list first.</source>
        <translation>Kies eerst een of meer leerlingen in de lijst.</translation>
    </message>
    <message>
        <source>Save ZAT preparation as</source>
        <translation>ZAT-voorbereiding opslaan als</translation>
    </message>
</context>
</TS>
