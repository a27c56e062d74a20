<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="nl_NL" sourcelanguage="en">
<context>
    <name>App</name>
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
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Search by name or number (Ctrl+F)</source>
        <translation>Zoek op naam of leerlingnummer (Ctrl+F)</translation>
    </message>
    <message>
        <source>Find pupil</source>
        <translation>Leerling zoeken</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>Database: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n pupil(s)</source>
        <translation>
            <numerusform>%n leerling</numerusform><numerusform>%n leerlingen</numerusform></translation>
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
</TS>