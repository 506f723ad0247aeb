<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="nl_NL">
<context>
    <name></name>
    <message>
        <source>gebruik: </source>
        <translation>usage: </translation>
    </message>
    <message>
        <source>argumenten</source>
        <translation>positional arguments</translation>
    </message>
    <message>
        <source>opties</source>
        <translation>options</translation>
    </message>
    <message>
        <source>toon deze hulp en stop</source>
        <translation>show this help message and exit</translation>
    </message>
    <message>
        <source>argument %(argument_name)s: %(message)s</source>
        <translation>argument %(argument_name)s: %(message)s</translation>
    </message>
    <message>
        <source>ongeldige keuze %(value)r (kies uit %(choices)s)</source>
        <translation>invalid choice %(value)r (choose from %(choices)s)</translation>
    </message>
    <message>
        <source>deze argumenten ontbreken: %s</source>
        <translation>the following arguments are required: %s</translation>
    </message>
    <message>
        <source>onbekende argumenten: %s</source>
        <translation>unrecognised arguments: %s</translation>
    </message>
    <message>
        <source>hier hoort één waarde bij</source>
        <translation>expected one value</translation>
    </message>
    <message>
        <source>hier hoort minstens één waarde bij</source>
        <translation>expected at least one value</translation>
    </message>
    <message>
        <source>hier hoort hoogstens één waarde bij</source>
        <translation>expected at most one value</translation>
    </message>
    <message>
        <source>ongeldige waarde %(value)r</source>
        <translation>invalid value %(value)r</translation>
    </message>
    <message>
        <source>optie %(option)s is niet eenduidig: %(matches)s</source>
        <translation>option %(option)s is ambiguous: %(matches)s</translation>
    </message>
    <message>
        <source>een van deze argumenten is nodig: %s</source>
        <translation>one of these arguments is required: %s</translation>
    </message>
    <message>
        <source>niet samen met argument %s</source>
        <translation>not allowed with argument %s</translation>
    </message>
    <message>
        <source>MAP</source>
        <translation>FOLDER</translation>
    </message>
    <message>
        <source>NAAM</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>OPDRACHT</source>
        <translation>COMMAND</translation>
    </message>
    <message>
        <source>ORGANISATIE</source>
        <translation>ORGANISATION</translation>
    </message>
    <message>
        <source>GEBIED</source>
        <translation>AREA</translation>
    </message>
    <message>
        <source>SOORT</source>
        <translation>KIND</translation>
    </message>
    <message>
        <source>BESTAND</source>
        <translation>FILE</translation>
    </message>
    <message>
        <source>UIT</source>
        <translation>OUT</translation>
    </message>
    <message>
        <source>PERIODE</source>
        <translation>PERIOD</translation>
    </message>
    <message>
        <source>DATUM</source>
        <translation>DATE</translation>
    </message>
    <message>
        <source>{message}. Zie &apos;{prog} --help&apos;.</source>
        <translation>{message}. See &apos;{prog} --help&apos;.</translation>
    </message>
    <message>
        <source>Te weinig regels op standaardinvoer: verwacht een wachtwoord per regel.</source>
        <translation>Too few lines on standard input: expected one passphrase per line.</translation>
    </message>
    <message>
        <source>Geen terminal om het wachtwoord te vragen: gebruik --passphrase-stdin.</source>
        <translation>No terminal to ask for the passphrase: use --passphrase-stdin.</translation>
    </message>
    <message>
        <source>De twee wachtwoorden zijn niet gelijk. Probeer het opnieuw.</source>
        <translation>The two passphrases differ. Please try again.</translation>
    </message>
    <message>
        <source>Geef met --user NAAM aan wie u bent: op een centrum is dat verplicht.</source>
        <translation>Say who you are with --user NAME: on a centre it is required.</translation>
    </message>
    <message>
        <source>Wachtwoord voor {user}: </source>
        <translation>Passphrase for {user}: </translation>
    </message>
    <message>
        <source>Het certificaat van het centrum {server} wordt niet vertrouwd. Geef het CA-certificaat van het centrum mee met --ca PEM.</source>
        <translation>The certificate of the centre {server} is not trusted. Pass the centre&apos;s CA certificate with --ca PEM.</translation>
    </message>
    <message>
        <source>--ca hoort bij --server URL. Geef ook het adres van het centrum.</source>
        <translation>--ca goes with --server URL. Give the centre&apos;s address too.</translation>
    </message>
    <message>
        <source>Kies --store MAP (een opslag op deze werkplek) of --server URL (een centrum), niet allebei.</source>
        <translation>Choose --store FOLDER (a store on this desk) or --server URL (a centre), not both.</translation>
    </message>
    <message>
        <source>&apos;{command}&apos; werkt niet met --server: op een centrum doet de beheerder van de server dat met &apos;sociaalveilig-server {command} --database URL&apos;.</source>
        <translation>&apos;{command}&apos; does not work with --server: on a centre the server&apos;s administrator does that with &apos;sociaalveilig-server {command} --database URL&apos;.</translation>
    </message>
    <message>
        <source>Het CA-certificaat {path} bestaat niet of is geen bestand.</source>
        <translation>The CA certificate {path} does not exist or is not a file.</translation>
    </message>
    <message>
        <source>Geef de naam van de beheerder: init --user NAAM.</source>
        <translation>Give the administrator&apos;s name: init --user NAME.</translation>
    </message>
    <message>
        <source>Nieuw wachtwoord voor {user}: </source>
        <translation>New passphrase for {user}: </translation>
    </message>
    <message>
        <source>Herhaal het wachtwoord: </source>
        <translation>Repeat the passphrase: </translation>
    </message>
    <message>
        <source>Opslag aangemaakt in {folder} met beheerder {user}.</source>
        <translation>Store created in {folder} with administrator {user}.</translation>
    </message>
    <message>
        <source>Herstelcode (wordt maar één keer getoond; print en bewaar hem veilig):</source>
        <translation>Recovery code (shown only once; print it and keep it safe):</translation>
    </message>
    <message>
        <source>Wachtwoord voor de nieuwe gebruiker {user}: </source>
        <translation>Passphrase for the new user {user}: </translation>
    </message>
    <message>
        <source>Gebruiker {user} toegevoegd met rol {role}.</source>
        <translation>User {user} added with role {role}.</translation>
    </message>
    <message>
        <source>Huidig wachtwoord voor {user}: </source>
        <translation>Current passphrase for {user}: </translation>
    </message>
    <message>
        <source>Nieuw wachtwoord: </source>
        <translation>New passphrase: </translation>
    </message>
    <message>
        <source>Herhaal het nieuwe wachtwoord: </source>
        <translation>Repeat the new passphrase: </translation>
    </message>
    <message>
        <source>Wachtwoord van {user} gewijzigd.</source>
        <translation>Passphrase of {user} changed.</translation>
    </message>
    <message>
        <source>Herstelcode: </source>
        <translation>Recovery code: </translation>
    </message>
    <message>
        <source>Nieuw wachtwoord ingesteld voor beheerder {user}.</source>
        <translation>New passphrase set for administrator {user}.</translation>
    </message>
    <message>
        <source>De gebruikte herstelcode werkt niet meer. Nieuwe herstelcode (wordt maar één keer getoond; print en bewaar hem veilig):</source>
        <translation>The recovery code used no longer works. New recovery code (shown only once; print it and keep it safe):</translation>
    </message>
    <message>
        <source>--skip-invalid vraagt ook --rejects BESTAND voor de afgekeurde regels.</source>
        <translation>--skip-invalid also needs --rejects FILE for the rejected lines.</translation>
    </message>
    <message>
        <source>Kan {path} niet lezen: {reason}.</source>
        <translation>Cannot read {path}: {reason}.</translation>
    </message>
    <message>
        <source>De map {folder} voor --rejects bestaat niet. Kies een bestaande map.</source>
        <translation>The folder {folder} for --rejects does not exist. Choose an existing folder.</translation>
    </message>
    <message>
        <source>{n} regel(s) afgekeurd; niets geïmporteerd. Verbeter het bestand en probeer opnieuw, of gebruik --skip-invalid --rejects BESTAND.</source>
        <translation>{n} line(s) rejected; nothing imported. Correct the file and try again, or use --skip-invalid --rejects FILE.</translation>
    </message>
    <message>
        <source>{n} regel(s) afgekeurd en weggeschreven naar {path}.</source>
        <translation>{n} line(s) rejected and written to {path}.</translation>
    </message>
    <message>
        <source>{n} signalen geïmporteerd.</source>
        <translation>{n} signals imported.</translation>
    </message>
    <message>
        <source>{n} regels geëxporteerd naar {path}.</source>
        <translation>{n} rows exported to {path}.</translation>
    </message>
    <message>
        <source>Rapport geschreven naar {path}.</source>
        <translation>Report written to {path}.</translation>
    </message>
    <message>
        <source>Back-up geschreven en gecontroleerd: {path} ({size} bytes).</source>
        <translation>Backup written and verified: {path} ({size} bytes).</translation>
    </message>
    <message>
        <source>Auditketen tot regel {n}, kenmerk {hash}.</source>
        <translation>Audit chain up to row {n}, fingerprint {hash}.</translation>
    </message>
    <message>
        <source>de gebruiker</source>
        <translation>the user</translation>
    </message>
    <message>
        <source>Back-up teruggezet en gecontroleerd in {path}.</source>
        <translation>Backup restored and verified in {path}.</translation>
    </message>
    <message>
        <source>--as-of is leeg. Geef een datum (dd-mm-jjjj) of laat --as-of weg voor vandaag.</source>
        <translation>--as-of is empty. Give a date (dd-mm-yyyy) or leave out --as-of for today.</translation>
    </message>
    <message>
        <source>{n} auditregels geëxporteerd naar {path}.</source>
        <translation>{n} audit rows exported to {path}.</translation>
    </message>
    <message>
        <source>--signals moet 0 of meer zijn.</source>
        <translation>--signals must be 0 or more.</translation>
    </message>
    <message>
        <source>Beheer van een Sociaal Veilig-opslag, of met --server van een centrum (zonder init, recover, backup, restore en verify: die horen bij sociaalveilig-server).</source>
        <translation>Administration of a Sociaal Veilig store, or with --server of a centre (without init, recover, backup, restore and verify: those belong to sociaalveilig-server).</translation>
    </message>
    <message>
        <source>werk op een centrum in plaats van een opslagmap: https://… of http:// op dit apparaat (loopback)</source>
        <translation>work on a centre instead of a store folder: https://… or http:// on this device (loopback)</translation>
    </message>
    <message>
        <source>het CA-certificaat dat het certificaat van het centrum ondertekende</source>
        <translation>the CA certificate that signed the centre&apos;s certificate</translation>
    </message>
    <message>
        <source>de handelende gebruiker (op een centrum verplicht)</source>
        <translation>the acting user (required on a centre)</translation>
    </message>
    <message>
        <source>de opslagmap (standaard: gebruikersmap)</source>
        <translation>the store folder (default: user folder)</translation>
    </message>
    <message>
        <source>lees wachtwoorden van standaardinvoer, één per regel</source>
        <translation>read passphrases from standard input, one per line</translation>
    </message>
    <message>
        <source>maak een nieuwe opslag met een beheerder</source>
        <translation>create a new store with an administrator</translation>
    </message>
    <message>
        <source>gebruikers beheren</source>
        <translation>manage users</translation>
    </message>
    <message>
        <source>voeg een gebruiker toe</source>
        <translation>add a user</translation>
    </message>
    <message>
        <source>voor de rol partner</source>
        <translation>for the partner role</translation>
    </message>
    <message>
        <source>focusgebied (herhaalbaar)</source>
        <translation>focus area (repeatable)</translation>
    </message>
    <message>
        <source>wijzig het wachtwoord van de handelende gebruiker</source>
        <translation>change the acting user&apos;s passphrase</translation>
    </message>
    <message>
        <source>geef een beheerder weer toegang met de herstelcode (invoer: herstelcode, dan nieuw wachtwoord); geeft een nieuwe herstelcode</source>
        <translation>give an administrator access again with the recovery code (input: recovery code, then new passphrase); gives a new recovery code</translation>
    </message>
    <message>
        <source>importeer gegevens</source>
        <translation>import data</translation>
    </message>
    <message>
        <source>importeer signalen uit CSV</source>
        <translation>import signals from CSV</translation>
    </message>
    <message>
        <source>exporteer naar CSV</source>
        <translation>export to CSV</translation>
    </message>
    <message>
        <source>maak een PDF-rapport</source>
        <translation>make a PDF report</translation>
    </message>
    <message>
        <source>casusoverzicht</source>
        <translation>case summary</translation>
    </message>
    <message>
        <source>alleen initialen, geen omschrijvingen</source>
        <translation>initials only, no descriptions</translation>
    </message>
    <message>
        <source>voorbereiding buurtschouw</source>
        <translation>neighbourhood walk preparation</translation>
    </message>
    <message>
        <source>managementcijfers</source>
        <translation>management figures</translation>
    </message>
    <message>
        <source>maak een versleutelde, gecontroleerde back-up</source>
        <translation>make an encrypted, verified backup</translation>
    </message>
    <message>
        <source>zet een back-up terug in een nieuwe map</source>
        <translation>restore a backup into a new folder</translation>
    </message>
    <message>
        <source>controleer integriteit, versleuteling en auditketen</source>
        <translation>check integrity, encryption and audit chain</translation>
    </message>
    <message>
        <source>pas de bewaartermijnen toe</source>
        <translation>apply the retention periods</translation>
    </message>
    <message>
        <source>auditlog</source>
        <translation>audit log</translation>
    </message>
    <message>
        <source>exporteer het auditlog als CSV</source>
        <translation>export the audit log as CSV</translation>
    </message>
    <message>
        <source>vul de opslag met duidelijk fictieve gegevens</source>
        <translation>fill the store with clearly fictional data</translation>
    </message>
    <message>
        <source>Geef een opdracht. Zie &apos;{prog} --help&apos;.</source>
        <translation>Give a command. See &apos;{prog} --help&apos;.</translation>
    </message>
    <message>
        <source>Afgebroken; er is niets half weggeschreven.</source>
        <translation>Aborted; nothing has been half-written.</translation>
    </message>
    <message>
        <source>Interne fout ({kind}). Meld dit bij de functioneel beheerder.</source>
        <translation>Internal error ({kind}). Please report this to the functional administrator.</translation>
    </message>
    <message>
        <source>Het bestand is leeg; verwacht een kopregel met de kolommen {columns}.</source>
        <translation>The file is empty; expected a header row with the columns {columns}.</translation>
    </message>
    <message>
        <source>Het bestand heeft geen kopregel; verwacht de kolommen {columns}.</source>
        <translation>The file has no header row; expected the columns {columns}.</translation>
    </message>
    <message>
        <source>Het bestand is geen UTF-8: onleesbaar teken (byte 0x{byte:02X}) op regel {line}. Sla het bestand in Excel op als &apos;CSV UTF-8 (door komma&apos;s gescheiden)&apos; en importeer opnieuw.</source>
        <translation>The file is not UTF-8: unreadable character (byte 0x{byte:02X}) on line {line}. Save the file in Excel as &apos;CSV UTF-8 (comma delimited)&apos; and import again.</translation>
    </message>
    <message>
        <source>Het bestand bevat NUL-tekens (regel {line}); het is geen tekstbestand. Sla het op als &apos;CSV UTF-8&apos; en importeer opnieuw.</source>
        <translation>The file contains NUL characters (line {line}); it is not a text file. Save it as &apos;CSV UTF-8&apos; and import again.</translation>
    </message>
    <message>
        <source>De kopregel bevat geen &apos;;&apos; of &apos;,&apos; als scheidingsteken; verwacht de kolommen {columns}.</source>
        <translation>The header row has no &apos;;&apos; or &apos;,&apos; as delimiter; expected the columns {columns}.</translation>
    </message>
    <message>
        <source>een aanhalingsteken wordt niet afgesloten</source>
        <translation>a quotation mark is not closed</translation>
    </message>
    <message>
        <source>tekst direct na een afsluitend aanhalingsteken</source>
        <translation>text directly after a closing quotation mark</translation>
    </message>
    <message>
        <source>een veld is langer dan {limit} tekens</source>
        <translation>a field is longer than {limit} characters</translation>
    </message>
    <message>
        <source>Regel {line}: de CSV-opmaak klopt niet ({why}); controleer de aanhalingstekens en importeer opnieuw.</source>
        <translation>Line {line}: the CSV format is wrong ({why}); check the quotation marks and import again.</translation>
    </message>
    <message>
        <source>Kolom &apos;{name}&apos; staat meer dan eens in de kopregel.</source>
        <translation>Column &apos;{name}&apos; appears more than once in the header row.</translation>
    </message>
    <message>
        <source>Verplichte kolom(men) ontbreken in de kopregel: {missing}. Verwacht: {columns} (scheidingsteken &apos;{delimiter}&apos;).</source>
        <translation>Required column(s) missing from the header row: {missing}. Expected: {columns} (delimiter &apos;{delimiter}&apos;).</translation>
    </message>
    <message>
        <source>de regel heeft meer velden ({found}) dan de kopregel ({expected}); staat er een &apos;{delimiter}&apos; in een tekst zonder aanhalingstekens?</source>
        <translation>the line has more fields ({found}) than the header row ({expected}); is there a &apos;{delimiter}&apos; in a text without quotation marks?</translation>
    </message>
    <message>
        <source>{column} ontbreekt</source>
        <translation>{column} is missing</translation>
    </message>
    <message>
        <source>datum &apos;{value}&apos; is geen geldige datum (gebruik dd-mm-jjjj of jjjj-mm-dd, eventueel met uu:mm)</source>
        <translation>date &apos;{value}&apos; is not a valid date (use dd-mm-yyyy or yyyy-mm-dd, optionally with hh:mm)</translation>
    </message>
    <message>
        <source>datum &apos;{value}&apos; ligt vóór 1900; controleer het jaartal</source>
        <translation>date &apos;{value}&apos; is before 1900; check the year</translation>
    </message>
    <message>
        <source>datum &apos;{value}&apos; ligt in de toekomst</source>
        <translation>date &apos;{value}&apos; is in the future</translation>
    </message>
    <message>
        <source>{column} &apos;{value}&apos; is onbekend; kies uit {options}</source>
        <translation>{column} &apos;{value}&apos; is unknown; choose from {options}</translation>
    </message>
    <message>
        <source>categorie &apos;{value}&apos; is onbekend; gebruik een code of naam uit de categorielijst (bijvoorbeeld WO-OVL of Woonoverlast)</source>
        <translation>category &apos;{value}&apos; is unknown; use a code or name from the category list (for example WO-OVL or Woonoverlast)</translation>
    </message>
    <message>
        <source>postcode &apos;{value}&apos; is geen geldige Nederlandse postcode (vier cijfers en twee letters, zoals 6411 AB)</source>
        <translation>postcode &apos;{value}&apos; is not a valid Dutch postcode (four digits and two letters, such as 6411 AB)</translation>
    </message>
    <message>
        <source>huisnummer &apos;{value}&apos; is geen positief geheel getal; een letter of toevoeging hoort in de kolom toevoeging</source>
        <translation>house number &apos;{value}&apos; is not a positive whole number; a letter or addition belongs in the column toevoeging</translation>
    </message>
    <message>
        <source>toevoeging &apos;{value}&apos; mag alleen letters en cijfers bevatten (hoogstens {limit})</source>
        <translation>addition &apos;{value}&apos; may contain only letters and digits (at most {limit})</translation>
    </message>
    <message>
        <source>omschrijving is leeg</source>
        <translation>description is empty</translation>
    </message>
    <message>
        <source>omschrijving is te lang: {length} tekens, hoogstens {limit}</source>
        <translation>description is too long: {length} characters, at most {limit}</translation>
    </message>
    <message>
        <source>{column} is te lang: {length} tekens, hoogstens {limit}</source>
        <translation>{column} is too long: {length} characters, at most {limit}</translation>
    </message>
    <message>
        <source>regel {line}: {reason}</source>
        <translation>line {line}: {reason}</translation>
    </message>
    <message>
        <source>… en nog {count} regel(s) met fouten</source>
        <translation>… and {count} more line(s) with errors</translation>
    </message>
    <message>
        <source>Beheerder</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>Coördinator</source>
        <translation>Coordinator</translation>
    </message>
    <message>
        <source>Wijkagent / buurtregisseur / BOA</source>
        <translation>Neighbourhood officer / community manager / BOA</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>Partner</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>Manager</translation>
    </message>
    <message>
        <source>Politie</source>
        <translation>Police</translation>
    </message>
    <message>
        <source>Woningcorporatie</source>
        <translation>Housing corporation</translation>
    </message>
    <message>
        <source>Gemeente</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <source>Zorg/hulpverlening</source>
        <translation>Care/support services</translation>
    </message>
    <message>
        <source>Bewoner</source>
        <translation>Resident</translation>
    </message>
    <message>
        <source>Buurtschouw</source>
        <translation>Neighbourhood walk</translation>
    </message>
    <message>
        <source>Buurtbijeenkomst</source>
        <translation>Neighbourhood meeting</translation>
    </message>
    <message>
        <source>Anders</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>Laag</source>
        <translation>Low</translation>
    </message>
    <message>
        <source>Normaal</source>
        <translation>Normal</translation>
    </message>
    <message>
        <source>Hoog</source>
        <translation>High</translation>
    </message>
    <message>
        <source>Acuut</source>
        <translation>Acute</translation>
    </message>
    <message>
        <source>Overleg fysieke leefomgeving</source>
        <translation>Physical environment meeting</translation>
    </message>
    <message>
        <source>Overleg achter de voordeur</source>
        <translation>Behind-the-front-door meeting</translation>
    </message>
    <message>
        <source>Coördinator (direct)</source>
        <translation>Coordinator (immediately)</translation>
    </message>
    <message>
        <source>Nieuw</source>
        <translation>New</translation>
    </message>
    <message>
        <source>Gerouteerd</source>
        <translation>Routed</translation>
    </message>
    <message>
        <source>Gekoppeld aan casus</source>
        <translation>Linked to case</translation>
    </message>
    <message>
        <source>Afgewezen</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <source>Afgehandeld</source>
        <translation>Handled</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>In behandeling</source>
        <translation>In progress</translation>
    </message>
    <message>
        <source>Opgeschaald</source>
        <translation>Escalated</translation>
    </message>
    <message>
        <source>Afgesloten</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>Heropend</source>
        <translation>Reopened</translation>
    </message>
    <message>
        <source>In uitvoering</source>
        <translation>Under way</translation>
    </message>
    <message>
        <source>Afgerond</source>
        <translation>Completed</translation>
    </message>
    <message>
        <source>Vervallen</source>
        <translation>Lapsed</translation>
    </message>
    <message>
        <source>Gepland</source>
        <translation>Planned</translation>
    </message>
    <message>
        <source>Uitgevoerd</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Niemand thuis</source>
        <translation>No one home</translation>
    </message>
    <message>
        <source>Geweigerd</source>
        <translation>Refused</translation>
    </message>
    <message>
        <source>Geannuleerd</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>Toegang geweigerd</source>
        <translation>Access refused</translation>
    </message>
    <message>
        <source>Aangemeld</source>
        <translation>Submitted</translation>
    </message>
    <message>
        <source>Teruggelegd (afgeschaald)</source>
        <translation>Handed back (de-escalated)</translation>
    </message>
    <message>
        <source>Midden</source>
        <translation>Medium</translation>
    </message>
    <message>
        <source>Gezamenlijk huisbezoek</source>
        <translation>Joint home visit</translation>
    </message>
    <message>
        <source>Controle</source>
        <translation>Inspection</translation>
    </message>
    <message>
        <source>Integrale controle</source>
        <translation>Integrated inspection</translation>
    </message>
    <message>
        <source>Handhavingstraject</source>
        <translation>Enforcement procedure</translation>
    </message>
    <message>
        <source>Juridische procedure woningcorporatie</source>
        <translation>Housing corporation legal procedure</translation>
    </message>
    <message>
        <source>Hulpverleningstraject</source>
        <translation>Support programme</translation>
    </message>
    <message>
        <source>CPTED-analyse</source>
        <translation>CPTED analysis</translation>
    </message>
    <message>
        <source>Fysieke aanpassing</source>
        <translation>Physical adjustment</translation>
    </message>
    <message>
        <source>Zorg- en Veiligheidshuis Parkstad</source>
        <translation>Zorg- en Veiligheidshuis Parkstad</translation>
    </message>
    <message>
        <source>RIEC Limburg</source>
        <translation>RIEC Limburg</translation>
    </message>
    <message>
        <source>Persoonsgerichte aanpak / Preventie met Gezag</source>
        <translation>Person-centred approach / Preventie met Gezag</translation>
    </message>
    <message>
        <source>Veilig Thuis</source>
        <translation>Veilig Thuis</translation>
    </message>
    <message>
        <source>Problemen op meer dan één leefgebied</source>
        <translation>Problems in more than one area of life</translation>
    </message>
    <message>
        <source>Die leiden tot crimineel of overlastgevend gedrag</source>
        <translation>Leading to criminal or nuisance behaviour</translation>
    </message>
    <message>
        <source>Samenwerking tussen ketens is nodig</source>
        <translation>Cooperation across chains is needed</translation>
    </message>
    <message>
        <source>De problemen raken het gezinssysteem of de omgeving</source>
        <translation>The problems affect the family system or the surroundings</translation>
    </message>
    <message>
        <source>Er is ernstige lokale veiligheidsproblematiek</source>
        <translation>There is serious local safety trouble</translation>
    </message>
    <message>
        <source>criterium {numbers} ontbreekt</source>
        <translation>criterion {numbers} missing</translation>
    </message>
    <message>
        <source>criterium 4 of 5 ontbreekt</source>
        <translation>criterion 4 or 5 missing</translation>
    </message>
    <message>
        <source>De casus voldoet niet aan de ZVH-criteria ({missing}). Geef aan waarom u toch opschaalt naar het Zorg- en Veiligheidshuis, of leg eerst de criteria vast.</source>
        <translation>The case does not meet the ZVH criteria ({missing}). State why you are escalating to the Zorg- en Veiligheidshuis anyway, or record the criteria first.</translation>
    </message>
    <message>
        <source>Opgeschaald hoewel de ZVH-criteria niet vervuld zijn ({missing}): {reason}</source>
        <translation>Escalated although the ZVH criteria are not met ({missing}): {reason}</translation>
    </message>
    <message>
        <source>De vastgelegde feiten voldoen aan de ZVH-criteria: {criteria}.</source>
        <translation>The recorded facts meet the ZVH criteria: {criteria}.</translation>
    </message>
    <message>
        <source>zonder vastgelegde voortgang</source>
        <translation>without recorded progress</translation>
    </message>
    <message>
        <source>zonder voortgang sinds {date}</source>
        <translation>without progress since {date}</translation>
    </message>
    <message>
        <source>{count} signalen van {source_count} bronnen ({sources}) in de afgelopen zes maanden, {since}.</source>
        <translation>{count} signals from {source_count} sources ({sources}) in the past six months, {since}.</translation>
    </message>
    <message>
        <source>Geboortejaar {year} ligt in de toekomst.</source>
        <translation>Birth year {year} is in the future.</translation>
    </message>
    <message>
        <source>Geef een reden voor de opschaling naar {target}.</source>
        <translation>Give a reason for the escalation to {target}.</translation>
    </message>
    <message>
        <source>Voor opschaling naar {target} is het geboortejaar van de betrokkene nodig (tot en met 27 jaar).</source>
        <translation>Escalation to {target} needs the birth year of the person involved (up to and including 27 years).</translation>
    </message>
    <message>
        <source>{target} is voor jongeren tot en met 27 jaar; de betrokkene (geboren {year}) is ouder. Kies het Zorg- en Veiligheidshuis of een ander doel.</source>
        <translation>{target} is for young people up to and including 27; the person involved (born {year}) is older. Choose the Zorg- en Veiligheidshuis or another target.</translation>
    </message>
    <message>
        <source>Postcode &apos;{value}&apos; is geen geldige Nederlandse postcode: verwacht vier cijfers (niet beginnend met 0) en twee letters, zoals 6411 AB.</source>
        <translation>Postcode &apos;{value}&apos; is not a valid Dutch postcode: expected four digits (not starting with 0) and two letters, such as 6411 AB.</translation>
    </message>
    <message>
        <source>Focusgebied &apos;{value}&apos; is niet eenduidig; bedoelt u: {options}?</source>
        <translation>Focus area &apos;{value}&apos; is ambiguous; do you mean: {options}?</translation>
    </message>
    <message>
        <source>Onbekend focusgebied &apos;{value}&apos;; kies uit: {options}.</source>
        <translation>Unknown focus area &apos;{value}&apos;; choose from: {options}.</translation>
    </message>
    <message>
        <source>categorie is {value}</source>
        <translation>category is {value}</translation>
    </message>
    <message>
        <source>hoofdcategorie is {value}</source>
        <translation>main category is {value}</translation>
    </message>
    <message>
        <source>focusgebied is {value}</source>
        <translation>focus area is {value}</translation>
    </message>
    <message>
        <source>bron is {value}</source>
        <translation>source is {value}</translation>
    </message>
    <message>
        <source>urgentie is {value}</source>
        <translation>urgency is {value}</translation>
    </message>
    <message>
        <source>{first} en {last}</source>
        <translation>{first} and {last}</translation>
    </message>
    <message>
        <source>deze regel geldt voor elk signaal</source>
        <translation>this rule applies to every signal</translation>
    </message>
    <message>
        <source>Regel {position} &apos;{name}&apos;: {why}.</source>
        <translation>Rule {position} &apos;{name}&apos;: {why}.</translation>
    </message>
    <message>
        <source>Ingebouwde terugvalregel</source>
        <translation>Built-in fallback rule</translation>
    </message>
    <message>
        <source>Geen routeringsregel past en categorie {category} hoort bij geen overleg; het signaal gaat naar de coördinator.</source>
        <translation>No routing rule matches and category {category} belongs to no meeting; the signal goes to the coordinator.</translation>
    </message>
    <message>
        <source>Geen routeringsregel past; het signaal volgt het overleg van categorie {category}: {meeting}.</source>
        <translation>No routing rule matches; the signal follows the meeting of category {category}: {meeting}.</translation>
    </message>
    <message>
        <source>Acuut naar coördinator</source>
        <translation>Acute to coordinator</translation>
    </message>
    <message>
        <source>overleg fysieke leefomgeving</source>
        <translation>physical environment meeting</translation>
    </message>
    <message>
        <source>overleg achter de voordeur</source>
        <translation>behind-the-front-door meeting</translation>
    </message>
    <message>
        <source>{category} naar {meeting}</source>
        <translation>{category} to {meeting}</translation>
    </message>
    <message>
        <source>Een beheerder ziet geen casusinhoud. Werkt u met casussen, log dan in met een account met de rol coördinator.</source>
        <translation>An administrator sees no case content. If you work with cases, sign in with an account that has the coordinator role.</translation>
    </message>
    <message>
        <source>Een manager ziet cijfers en gepseudonimiseerde casusoverzichten, geen losse signalen.</source>
        <translation>A manager sees figures and pseudonymised case summaries, not individual signals.</translation>
    </message>
    <message>
        <source>De reden is te lang: {length} tekens, hoogstens {limit}. Vat hem korter samen.</source>
        <translation>The reason is too long: {length} characters, at most {limit}. Please summarise it more briefly.</translation>
    </message>
    <message>
        <source>{reference} valt buiten wat u mag inzien.</source>
        <translation>{reference} is outside what you may view.</translation>
    </message>
    <message>
        <source>{reference} valt buiten uw werkgebied. Wilt u het toch openen, geef dan een reden op (noodknop); dat wordt vastgelegd en gecontroleerd.</source>
        <translation>{reference} is outside your area. If you still want to open it, give a reason (emergency access); it is recorded and reviewed.</translation>
    </message>
    <message>
        <source>Dit mag alleen een {roles}; u bent {role}.</source>
        <translation>Only a {roles} may do this; you are {role}.</translation>
    </message>
    <message>
        <source>Onbekend actietype &apos;{value}&apos;. Kies uit: {options}.</source>
        <translation>Unknown action type &apos;{value}&apos;. Choose from: {options}.</translation>
    </message>
    <message>
        <source>Casus {ref} is afgesloten; een actie kan daar niet meer bij. Heropen de casus eerst.</source>
        <translation>Case {ref} is closed; no action can be added to it. Reopen the case first.</translation>
    </message>
    <message>
        <source>Kies een eigenaar: de partnerorganisatie die de actie uitvoert.</source>
        <translation>Choose an owner: the partner organisation that carries out the action.</translation>
    </message>
    <message>
        <source>De gekozen eigenaar is geen actieve partnerorganisatie. Kies een andere.</source>
        <translation>The chosen owner is not an active partner organisation. Choose another.</translation>
    </message>
    <message>
        <source>Geef een deadline: de datum waarop de actie klaar moet zijn.</source>
        <translation>Give a deadline: the date by which the action must be done.</translation>
    </message>
    <message>
        <source>De deadline {deadline} ligt in het verleden. Kies vandaag of later.</source>
        <translation>The deadline {deadline} is in the past. Choose today or later.</translation>
    </message>
    <message>
        <source>De deadline {deadline} ligt vóór het eerste signaal van de casus ({first}). Kies een latere datum.</source>
        <translation>The deadline {deadline} is before the case&apos;s first signal ({first}). Choose a later date.</translation>
    </message>
    <message>
        <source>De omschrijving is te lang ({n} tekens); maximaal {max}.</source>
        <translation>The description is too long ({n} characters); at most {max}.</translation>
    </message>
    <message>
        <source>Actie {ref} afgesproken.</source>
        <translation>Action {ref} agreed.</translation>
    </message>
    <message>
        <source>Actie niet gevonden.</source>
        <translation>Action not found.</translation>
    </message>
    <message>
        <source>Deze actie is aan een andere organisatie toegewezen; u kunt haar niet zien.</source>
        <translation>This action is assigned to another organisation; you cannot see it.</translation>
    </message>
    <message>
        <source>Deze actie</source>
        <translation>This action</translation>
    </message>
    <message>
        <source>Geef een reden waarom de actie vervalt.</source>
        <translation>Give a reason why the action lapses.</translation>
    </message>
    <message>
        <source>Schrijf in een paar woorden wat de actie heeft opgeleverd.</source>
        <translation>Write in a few words what the action achieved.</translation>
    </message>
    <message>
        <source>Actie {ref} is {status}; de deadline kan niet meer veranderen.</source>
        <translation>Action {ref} is {status}; its deadline can no longer change.</translation>
    </message>
    <message>
        <source>Geef een reden waarom de deadline verschuift.</source>
        <translation>Give a reason why the deadline is moving.</translation>
    </message>
    <message>
        <source>Deadline {old} → {new}: {reason}</source>
        <translation>Deadline {old} → {new}: {reason}</translation>
    </message>
    <message>
        <source>U ziet alleen de acties van uw eigen organisatie.</source>
        <translation>You only see the actions of your own organisation.</translation>
    </message>
    <message>
        <source>Aanmelden</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <source>Vergrendelen</source>
        <translation>Lock</translation>
    </message>
    <message>
        <source>Inzien</source>
        <translation>View</translation>
    </message>
    <message>
        <source>Lijst bekijken</source>
        <translation>View list</translation>
    </message>
    <message>
        <source>Zoeken</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>Aanmaken</source>
        <translation>Create</translation>
    </message>
    <message>
        <source>Wijzigen</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>Verwijderen</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Koppelen</source>
        <translation>Link</translation>
    </message>
    <message>
        <source>Koppelvoorstel</source>
        <translation>Link proposal</translation>
    </message>
    <message>
        <source>Ontkoppelen</source>
        <translation>Unlink</translation>
    </message>
    <message>
        <source>Status gewijzigd</source>
        <translation>Status changed</translation>
    </message>
    <message>
        <source>Risico gewijzigd</source>
        <translation>Risk changed</translation>
    </message>
    <message>
        <source>Casusregisseur gekozen</source>
        <translation>Case manager chosen</translation>
    </message>
    <message>
        <source>Betrokkene toegevoegd</source>
        <translation>Person involved added</translation>
    </message>
    <message>
        <source>Opschalingsadvies</source>
        <translation>Escalation advice</translation>
    </message>
    <message>
        <source>ZVH-criteria vastgelegd</source>
        <translation>ZVH criteria recorded</translation>
    </message>
    <message>
        <source>Verplaatsen</source>
        <translation>Move</translation>
    </message>
    <message>
        <source>Versturen</source>
        <translation>Send</translation>
    </message>
    <message>
        <source>Afdrukken</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>Exporteren</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Importeren</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Opschonen (bewaartermijnen)</source>
        <translation>Purge (retention periods)</translation>
    </message>
    <message>
        <source>Back-up</source>
        <translation>Backup</translation>
    </message>
    <message>
        <source>Terugzetten</source>
        <translation>Restore</translation>
    </message>
    <message>
        <source>Controleren</source>
        <translation>Verify</translation>
    </message>
    <message>
        <source>Schema bijgewerkt</source>
        <translation>Schema upgraded</translation>
    </message>
    <message>
        <source>Geweigerde regels van buiten de database</source>
        <translation>Rejected rows from outside the database</translation>
    </message>
    <message>
        <source>Aanmelden mislukt</source>
        <translation>Sign-in failed</translation>
    </message>
    <message>
        <source>Aanmelden tijdelijk geblokkeerd</source>
        <translation>Sign-in temporarily blocked</translation>
    </message>
    <message>
        <source>Toegang hersteld met herstelcode</source>
        <translation>Access restored with recovery code</translation>
    </message>
    <message>
        <source>Sessies bij het centrum beëindigd</source>
        <translation>Sessions at the centre ended</translation>
    </message>
    <message>
        <source>Nieuwe herstelcode voor het centrum gemaakt</source>
        <translation>New recovery code made for the centre</translation>
    </message>
    <message>
        <source>Casus geëvalueerd</source>
        <translation>Case reviewed</translation>
    </message>
    <message>
        <source>Meldcode-besluit</source>
        <translation>Reporting Code decision</translation>
    </message>
    <message>
        <source>Opgeschaald zonder vervulde ZVH-criteria</source>
        <translation>Escalated without the ZVH criteria met</translation>
    </message>
    <message>
        <source>ZVH-criteria bekeken</source>
        <translation>ZVH criteria viewed</translation>
    </message>
    <message>
        <source>Wijziging op verouderde gegevens geweigerd</source>
        <translation>Change based on outdated data refused</translation>
    </message>
    <message>
        <source>betrokkene</source>
        <translation>person involved</translation>
    </message>
    <message>
        <source>agendapunt</source>
        <translation>agenda item</translation>
    </message>
    <message>
        <source>agendavoorstellen</source>
        <translation>agenda proposals</translation>
    </message>
    <message>
        <source>buurtschouw</source>
        <translation>neighbourhood walk</translation>
    </message>
    <message>
        <source>buurtschouwpakket</source>
        <translation>neighbourhood walk pack</translation>
    </message>
    <message>
        <source>bevinding</source>
        <translation>finding</translation>
    </message>
    <message>
        <source>focusgebied</source>
        <translation>focus area</translation>
    </message>
    <message>
        <source>gebruiker</source>
        <translation>user</translation>
    </message>
    <message>
        <source>partner</source>
        <translation>partner</translation>
    </message>
    <message>
        <source>opslag</source>
        <translation>store</translation>
    </message>
    <message>
        <source>centrum</source>
        <translation>centre</translation>
    </message>
    <message>
        <source>herinneringsstatus</source>
        <translation>reminder state</translation>
    </message>
    <message>
        <source>routeringsregel</source>
        <translation>routing rule</translation>
    </message>
    <message>
        <source>bewaartermijn</source>
        <translation>retention period</translation>
    </message>
    <message>
        <source>postcode</source>
        <translation>postcode</translation>
    </message>
    <message>
        <source>categorie</source>
        <translation>category</translation>
    </message>
    <message>
        <source>instellingen</source>
        <translation>settings</translation>
    </message>
    <message>
        <source>automatische back-up</source>
        <translation>automatic backup</translation>
    </message>
    <message>
        <source>herinnering</source>
        <translation>reminder</translation>
    </message>
    <message>
        <source>agenda-export</source>
        <translation>calendar export</translation>
    </message>
    <message>
        <source>managementrapportage</source>
        <translation>management report</translation>
    </message>
    <message>
        <source>casussenlijst</source>
        <translation>case list</translation>
    </message>
    <message>
        <source>signalenlijst</source>
        <translation>signal list</translation>
    </message>
    <message>
        <source>actielijst</source>
        <translation>action list</translation>
    </message>
    <message>
        <source>opschalingenlijst</source>
        <translation>escalation list</translation>
    </message>
    <message>
        <source>overleggenlijst</source>
        <translation>meeting list</translation>
    </message>
    <message>
        <source>huisbezoekenlijst</source>
        <translation>home visit list</translation>
    </message>
    <message>
        <source>weekplanning huisbezoeken</source>
        <translation>weekly planning of home visits</translation>
    </message>
    <message>
        <source>gebruikerslijst</source>
        <translation>user list</translation>
    </message>
    <message>
        <source>actielijst buurtschouw</source>
        <translation>neighbourhood walk action list</translation>
    </message>
    <message>
        <source>noodknoplijst</source>
        <translation>emergency access list</translation>
    </message>
    <message>
        <source>te beoordelen signalen</source>
        <translation>signals to assess</translation>
    </message>
    <message>
        <source>werklijst te laat</source>
        <translation>late worklist</translation>
    </message>
    <message>
        <source>werklijst deze week</source>
        <translation>this week&apos;s worklist</translation>
    </message>
    <message>
        <source>auditregels van vóór het aanmelden</source>
        <translation>audit rows from before sign-in</translation>
    </message>
    <message>
        <source>personen gezocht</source>
        <translation>person search</translation>
    </message>
    <message>
        <source>verwijderd</source>
        <translation>deleted</translation>
    </message>
    <message>
        <source>van {moment}, casus {case}</source>
        <translation>on {moment}, case {case}</translation>
    </message>
    <message>
        <source>van {moment}</source>
        <translation>on {moment}</translation>
    </message>
    <message>
        <source>{kind} van {day}, {area}</source>
        <translation>{kind} on {day}, {area}</translation>
    </message>
    <message>
        <source>{subject} in {meeting}</source>
        <translation>{subject} in {meeting}</translation>
    </message>
    <message>
        <source>van {day}, {area}</source>
        <translation>on {day}, {area}</translation>
    </message>
    <message>
        <source>in buurtschouw {walk}</source>
        <translation>in neighbourhood walk {walk}</translation>
    </message>
    <message>
        <source>Gebruiker toegevoegd</source>
        <translation>User added</translation>
    </message>
    <message>
        <source>Rol gewijzigd</source>
        <translation>Role changed</translation>
    </message>
    <message>
        <source>Toegang ingetrokken</source>
        <translation>Access withdrawn</translation>
    </message>
    <message>
        <source>Toegang hersteld</source>
        <translation>Access restored</translation>
    </message>
    <message>
        <source>Wachtwoord gewijzigd</source>
        <translation>Passphrase changed</translation>
    </message>
    <message>
        <source>Opslag aangemaakt</source>
        <translation>Store created</translation>
    </message>
    <message>
        <source>Instellingen gewijzigd</source>
        <translation>Settings changed</translation>
    </message>
    <message>
        <source>Demogegevens gemaakt</source>
        <translation>Demo data created</translation>
    </message>
    <message>
        <source>Herinnering gedaan</source>
        <translation>Reminder done</translation>
    </message>
    <message>
        <source>Herinnering uitgesteld</source>
        <translation>Reminder snoozed</translation>
    </message>
    <message>
        <source>Routering bekijken</source>
        <translation>View routing</translation>
    </message>
    <message>
        <source>Bewaartermijn gewijzigd</source>
        <translation>Retention period changed</translation>
    </message>
    <message>
        <source>Bewaartermijn verwijderd</source>
        <translation>Retention period removed</translation>
    </message>
    <message>
        <source>Gebeurtenis buiten de database</source>
        <translation>Event outside the database</translation>
    </message>
    <message>
        <source>gelukt</source>
        <translation>succeeded</translation>
    </message>
    <message>
        <source>mislukt</source>
        <translation>failed</translation>
    </message>
    <message>
        <source>geweigerd</source>
        <translation>refused</translation>
    </message>
    <message>
        <source>onleesbaar</source>
        <translation>unreadable</translation>
    </message>
    <message>
        <source>geblokkeerd</source>
        <translation>blocked</translation>
    </message>
    <message>
        <source>Auditketen in orde: {n} regels gecontroleerd, geen breuk.</source>
        <translation>Audit chain intact: {n} rows checked, no break.</translation>
    </message>
    <message>
        <source>de verwijzing naar de vorige regel klopt niet</source>
        <translation>the link to the previous row is wrong</translation>
    </message>
    <message>
        <source>de regel is gewijzigd</source>
        <translation>the row has been changed</translation>
    </message>
    <message>
        <source>er ontbreken regels aan het eind</source>
        <translation>rows are missing at the end</translation>
    </message>
    <message>
        <source>Auditketen gebroken bij regel {id}: {reason}. Het log is mogelijk gemanipuleerd; zet een back-up terug en meld het aan de privacy officer.</source>
        <translation>Audit chain broken at row {id}: {reason}. The log may have been tampered with; restore a backup and report it to the privacy officer.</translation>
    </message>
    <message>
        <source>De periode eindigt ({to}) voor hij begint ({start}). Draai de datums om.</source>
        <translation>The period ends ({to}) before it starts ({start}). Swap the dates.</translation>
    </message>
    <message>
        <source>De laatste geslaagde back-up is van {when}.</source>
        <translation>The last successful backup is from {when}.</translation>
    </message>
    <message>
        <source>Er is nog geen geslaagde automatische back-up.</source>
        <translation>There has not been a successful automatic backup yet.</translation>
    </message>
    <message>
        <source>De automatische back-up van {when} is mislukt: {error} {last}</source>
        <translation>The automatic backup of {when} failed: {error} {last}</translation>
    </message>
    <message>
        <source>De back-upmap {folder} bestaat niet (meer). Sluit de schijf aan of kies in Beheer een andere map.</source>
        <translation>The backup folder {folder} does not exist (any more). Connect the drive or choose another folder in Administration.</translation>
    </message>
    <message>
        <source>{folder} is geen map. Kies in Beheer een map voor de back-ups.</source>
        <translation>{folder} is not a folder. Choose a folder for the backups in Administration.</translation>
    </message>
    <message>
        <source>In de back-upmap {folder} kan niet worden geschreven (alleen-lezen of geen rechten). Kies in Beheer een andere map of vraag om schrijfrechten.</source>
        <translation>The backup folder {folder} cannot be written to (read-only or no permission). Choose another folder in Administration or ask for write permission.</translation>
    </message>
    <message>
        <source>Bewaar minstens 1 en hoogstens {max} back-ups; u gaf &apos;{keep}&apos;.</source>
        <translation>Keep at least 1 and at most {max} backups; you gave &apos;{keep}&apos;.</translation>
    </message>
    <message>
        <source>Geef de volledige map op, bijvoorbeeld D:\Back-ups of /media/back-up.</source>
        <translation>Give the full folder, for example D:\Backups or /media/backup.</translation>
    </message>
    <message>
        <source>Kies een back-upmap buiten de opslagmap {store}, liefst op een andere schijf: anders gaat een back-up samen met de opslag verloren.</source>
        <translation>Choose a backup folder outside the store folder {store}, preferably on another drive: otherwise a backup is lost together with the store.</translation>
    </message>
    <message>
        <source>De back-up {name} is na het wegschrijven onleesbaar of klopt niet met het manifest.</source>
        <translation>The backup {name} is unreadable after writing or does not match its manifest.</translation>
    </message>
    <message>
        <source>Een oude back-up ({name}) kon niet worden verwijderd: {reason}.</source>
        <translation>An old backup ({name}) could not be removed: {reason}.</translation>
    </message>
    <message>
        <source>Geen back-up voor deze rol.</source>
        <translation>No backup for this role.</translation>
    </message>
    <message>
        <source>Automatische back-up staat uit; kies een map in Beheer › Back-up.</source>
        <translation>Automatic backup is off; choose a folder in Administration › Backup.</translation>
    </message>
    <message>
        <source>De back-up van vandaag is al gemaakt.</source>
        <translation>Today&apos;s backup has already been made.</translation>
    </message>
    <message>
        <source>Schrijven in {folder} mislukte: {reason}.</source>
        <translation>Writing to {folder} failed: {reason}.</translation>
    </message>
    <message>
        <source>Back-up gemaakt en gecontroleerd: {name}.</source>
        <translation>Backup made and verified: {name}.</translation>
    </message>
    <message>
        <source>Let op: back-ups van vóór deze opschoning bevatten de verwijderde gegevens nog, tot ze door rotatie verdwijnen of worden verwijderd.</source>
        <translation>Note: backups from before this purge still contain the removed data until rotation removes them or they are deleted.</translation>
    </message>
    <message>
        <source>Let op: de bestaande automatische back-up in {folder} bevat de verwijderde gegevens nog, tot de rotatie hem na {keep} nieuwe back-ups heeft verwijderd; met de hand gemaakte back-ups houden ze tot u die verwijdert.</source>
        <translation>Note: the existing automatic backup in {folder} still contains the removed data until rotation removes it after {keep} new backups; backups made by hand keep it until you delete them.</translation>
    </message>
    <message>
        <source>Let op: de {n} bestaande automatische back-ups in {folder} bevatten de verwijderde gegevens nog, tot de rotatie ze na {keep} nieuwe back-ups heeft verwijderd; met de hand gemaakte back-ups houden ze tot u die verwijdert.</source>
        <translation>Note: the {n} existing automatic backups in {folder} still contain the removed data until rotation removes them after {keep} new backups; backups made by hand keep it until you delete them.</translation>
    </message>
    <message>
        <source>Heel</source>
        <translation>Intact</translation>
    </message>
    <message>
        <source>Schoon</source>
        <translation>Clean</translation>
    </message>
    <message>
        <source>Veilig</source>
        <translation>Safe</translation>
    </message>
    <message>
        <source>CPTED: veilig door ontwerp</source>
        <translation>CPTED: safety by design</translation>
    </message>
    <message>
        <source>Bestrating en stoepen</source>
        <translation>Paving and pavements</translation>
    </message>
    <message>
        <source>Losliggende tegels, gaten, opdrukkende boomwortels.</source>
        <translation>Loose tiles, holes, tree roots pushing up.</translation>
    </message>
    <message>
        <source>Straatmeubilair</source>
        <translation>Street furniture</translation>
    </message>
    <message>
        <source>Bankjes, hekken, paaltjes, bushokjes, borden.</source>
        <translation>Benches, fences, bollards, bus shelters, signs.</translation>
    </message>
    <message>
        <source>Speelplekken</source>
        <translation>Play areas</translation>
    </message>
    <message>
        <source>Speeltoestellen, ondergrond, omheining.</source>
        <translation>Play equipment, surface, fencing.</translation>
    </message>
    <message>
        <source>Verlichting, ook in achterpaden</source>
        <translation>Lighting, also in back alleys</translation>
    </message>
    <message>
        <source>Kapotte of ontbrekende lampen, donkere achterpaden en brandgangen.</source>
        <translation>Broken or missing lamps, dark back alleys and fire lanes.</translation>
    </message>
    <message>
        <source>Zwerfafval</source>
        <translation>Litter</translation>
    </message>
    <message>
        <source>Rommel op straat, in het groen en langs paden.</source>
        <translation>Rubbish on the street, in green areas and along paths.</translation>
    </message>
    <message>
        <source>Afvalbakken en containers</source>
        <translation>Bins and containers</translation>
    </message>
    <message>
        <source>Vol, kapot of met afval ernaast.</source>
        <translation>Full, broken or with rubbish beside them.</translation>
    </message>
    <message>
        <source>Graffiti en bekladding</source>
        <translation>Graffiti and defacement</translation>
    </message>
    <message>
        <source>Bekladde gevels, bushokjes, kasten.</source>
        <translation>Defaced façades, bus shelters, street cabinets.</translation>
    </message>
    <message>
        <source>Illegale dumpingen</source>
        <translation>Illegal dumping</translation>
    </message>
    <message>
        <source>Grofvuil, bouwafval, vaten of zakken op straat of in het groen.</source>
        <translation>Bulky waste, building waste, drums or bags on the street or in green areas.</translation>
    </message>
    <message>
        <source>Zichtlijnen</source>
        <translation>Sight lines</translation>
    </message>
    <message>
        <source>Hoge hagen, overhangend groen, donkere hoeken, onoverzichtelijke paden.</source>
        <translation>High hedges, overhanging greenery, dark corners, paths that are hard to oversee.</translation>
    </message>
    <message>
        <source>Hangplekken</source>
        <translation>Hang-outs</translation>
    </message>
    <message>
        <source>Plekken waar groepen samenkomen en overlast geven.</source>
        <translation>Places where groups gather and cause nuisance.</translation>
    </message>
    <message>
        <source>Verkeersveiligheid</source>
        <translation>Road safety</translation>
    </message>
    <message>
        <source>Hardrijden, gevaarlijk oversteken, foutparkeren.</source>
        <translation>Speeding, dangerous crossing, illegal parking.</translation>
    </message>
    <message>
        <source>Inbraakgevoelige plekken</source>
        <translation>Burglary-prone spots</translation>
    </message>
    <message>
        <source>Slecht hang- en sluitwerk, onverlichte achterkanten, klimmogelijkheden.</source>
        <translation>Poor locks and fittings, unlit backs of houses, ways to climb in.</translation>
    </message>
    <message>
        <source>Natuurlijk toezicht</source>
        <translation>Natural surveillance</translation>
    </message>
    <message>
        <source>Zien en gezien worden: ramen aan de straat, levendige plekken.</source>
        <translation>Seeing and being seen: windows facing the street, lively places.</translation>
    </message>
    <message>
        <source>Toegangscontrole</source>
        <translation>Access control</translation>
    </message>
    <message>
        <source>Afsluitbare achterpaden, poorten, ongewenste doorsteken.</source>
        <translation>Lockable back alleys, gates, unwanted shortcuts.</translation>
    </message>
    <message>
        <source>Territoriale versterking</source>
        <translation>Territorial reinforcement</translation>
    </message>
    <message>
        <source>Duidelijk wat privé en wat openbaar is, en wie waarvoor zorgt.</source>
        <translation>Clear what is private and what is public, and who looks after what.</translation>
    </message>
    <message>
        <source>Onderhoud</source>
        <translation>Maintenance</translation>
    </message>
    <message>
        <source>Verwaarlozing en achterstallig herstel (gebroken ruiten, leegstand).</source>
        <translation>Neglect and overdue repairs (broken windows, vacancy).</translation>
    </message>
    <message>
        <source>Onbekend punt van de checklist &apos;{code}&apos;. Kies uit: {options}.</source>
        <translation>Unknown checklist item &apos;{code}&apos;. Choose from: {options}.</translation>
    </message>
    <message>
        <source>Gelopen</source>
        <translation>Walked</translation>
    </message>
    <message>
        <source>Focusgebied {area} is niet een van uw gebieden.</source>
        <translation>Focus area {area} is not one of your areas.</translation>
    </message>
    <message>
        <source>Buurtschouw niet gevonden.</source>
        <translation>Neighbourhood walk not found.</translation>
    </message>
    <message>
        <source>De tekst is te lang ({n} tekens); maximaal {max}.</source>
        <translation>The text is too long ({n} characters); at most {max}.</translation>
    </message>
    <message>
        <source>Huisnummer &apos;{value}&apos; is geen positief getal.</source>
        <translation>House number &apos;{value}&apos; is not a positive number.</translation>
    </message>
    <message>
        <source>De datum {day} ligt in het verleden. Kies vandaag of later.</source>
        <translation>The date {day} is in the past. Choose today or later.</translation>
    </message>
    <message>
        <source>De route is te lang ({n} tekens); maximaal {max}.</source>
        <translation>The route is too long ({n} characters); at most {max}.</translation>
    </message>
    <message>
        <source>Deze buurtschouw is afgerond; er kunnen geen bevindingen meer bij.</source>
        <translation>This neighbourhood walk is completed; no more findings can be added.</translation>
    </message>
    <message>
        <source>De buurtschouw is gepland op {day}; leg bevindingen vast na het lopen.</source>
        <translation>The neighbourhood walk is planned for {day}; record findings after the walk.</translation>
    </message>
    <message>
        <source>Beschrijf wat u zag.</source>
        <translation>Describe what you saw.</translation>
    </message>
    <message>
        <source>Waar was het? Geef de straat of de postcode van de bevinding.</source>
        <translation>Where was it? Give the street or the postcode of the finding.</translation>
    </message>
    <message>
        <source>De straatnaam is te lang.</source>
        <translation>The street name is too long.</translation>
    </message>
    <message>
        <source>Onbekende categorie &apos;{code}&apos;. Kies een categorie uit de lijst.</source>
        <translation>Unknown category &apos;{code}&apos;. Choose a category from the list.</translation>
    </message>
    <message>
        <source>Deze buurtschouw</source>
        <translation>This neighbourhood walk</translation>
    </message>
    <message>
        <source>Deze buurtschouw is al afgerond.</source>
        <translation>This neighbourhood walk has already been completed.</translation>
    </message>
    <message>
        <source>De buurtschouw moet nog gelopen worden.</source>
        <translation>The neighbourhood walk still has to be walked.</translation>
    </message>
    <message>
        <source>Bevinding niet gevonden.</source>
        <translation>Finding not found.</translation>
    </message>
    <message>
        <source>Van deze bevinding is al een signaal gemaakt.</source>
        <translation>A signal has already been made from this finding.</translation>
    </message>
    <message>
        <source>Een signaal heeft een adres nodig: geef de postcode van de dichtstbijzijnde woning.</source>
        <translation>A signal needs an address: give the postcode of the nearest house.</translation>
    </message>
    <message>
        <source>Een signaal heeft een adres nodig: geef het huisnummer van de dichtstbijzijnde woning.</source>
        <translation>A signal needs an address: give the house number of the nearest house.</translation>
    </message>
    <message>
        <source>Buurtschouw {day}, {item}: {text}</source>
        <translation>Neighbourhood walk {day}, {item}: {text}</translation>
    </message>
    <message>
        <source>Parkstad</source>
        <translation>Parkstad</translation>
    </message>
    <message>
        <source>zonder casus</source>
        <translation>without a case</translation>
    </message>
    <message>
        <source>Sociaal Veilig: {purpose}.</source>
        <translation>Sociaal Veilig: {purpose}.</translation>
    </message>
    <message>
        <source>Casus: {case}</source>
        <translation>Case: {case}</translation>
    </message>
    <message>
        <source>Focusgebied: {area}</source>
        <translation>Focus area: {area}</translation>
    </message>
    <message>
        <source>Partners: {partners}</source>
        <translation>Partners: {partners}</translation>
    </message>
    <message>
        <source>Adres en gegevens van betrokkenen: zie Sociaal Veilig.</source>
        <translation>Address and details of the persons involved: see Sociaal Veilig.</translation>
    </message>
    <message>
        <source>Huisbezoek</source>
        <translation>Home visit</translation>
    </message>
    <message>
        <source>Overleg</source>
        <translation>Meeting</translation>
    </message>
    <message>
        <source>{meeting} Sociaal Veilig.</source>
        <translation>{meeting} Sociaal Veilig.</translation>
    </message>
    <message>
        <source>Agenda en stukken: zie Sociaal Veilig.</source>
        <translation>Agenda and papers: see Sociaal Veilig.</translation>
    </message>
    <message>
        <source>U kunt deze afspraak niet exporteren: hij valt buiten uw casussen en overleggen.</source>
        <translation>You cannot export this appointment: it is outside your cases and meetings.</translation>
    </message>
    <message>
        <source>De einddatum {end} ligt vóór de begindatum {start}. Kies een latere einddatum.</source>
        <translation>The end date {end} is before the start date {start}. Choose a later end date.</translation>
    </message>
    <message>
        <source>Kies een periode van hoogstens drie jaar voor de agenda-export.</source>
        <translation>Choose a period of at most three years for the calendar export.</translation>
    </message>
    <message>
        <source>Sociaal Veilig – huisbezoeken en overleggen</source>
        <translation>Sociaal Veilig – home visits and meetings</translation>
    </message>
    <message>
        <source>Huisbezoek niet gevonden.</source>
        <translation>Home visit not found.</translation>
    </message>
    <message>
        <source>Sociaal Veilig – huisbezoek</source>
        <translation>Sociaal Veilig – home visit</translation>
    </message>
    <message>
        <source>Overleg niet gevonden.</source>
        <translation>Meeting not found.</translation>
    </message>
    <message>
        <source>Sociaal Veilig – overleg</source>
        <translation>Sociaal Veilig – meeting</translation>
    </message>
    <message>
        <source>Signaal</source>
        <translation>Signal</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Besluit overleg</source>
        <translation>Meeting decision</translation>
    </message>
    <message>
        <source>Actie</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Opschaling</source>
        <translation>Escalation</translation>
    </message>
    <message>
        <source>{category} (bron: {source})</source>
        <translation>{category} (source: {source})</translation>
    </message>
    <message>
        <source>Casus aangemaakt ({status})</source>
        <translation>Case created ({status})</translation>
    </message>
    <message>
        <source>Status {old} → {new}</source>
        <translation>Status {old} → {new}</translation>
    </message>
    <message>
        <source>Op de agenda van {meeting} van {day}</source>
        <translation>On the agenda of {meeting} of {day}</translation>
    </message>
    <message>
        <source>Besluit in {meeting} van {day}</source>
        <translation>Decision in {meeting} of {day}</translation>
    </message>
    <message>
        <source>{type} door {owner}, uiterlijk {deadline} ({status})</source>
        <translation>{type} by {owner}, due {deadline} ({status})</translation>
    </message>
    <message>
        <source>{kind} ({status})</source>
        <translation>{kind} ({status})</translation>
    </message>
    <message>
        <source>Opschaling naar {target} ({status})</source>
        <translation>Escalation to {target} ({status})</translation>
    </message>
    <message>
        <source>{type}: nieuwe deadline</source>
        <translation>{type}: new deadline</translation>
    </message>
    <message>
        <source>{type}: {old} → {new}</source>
        <translation>{type}: {old} → {new}</translation>
    </message>
    <message>
        <source>Een casus wijzigen doet de coördinator of de wijkagent van het gebied.</source>
        <translation>A case is changed by the coordinator or the area&apos;s neighbourhood officer.</translation>
    </message>
    <message>
        <source>Casus {ref} valt buiten uw werkgebied; vraag de coördinator.</source>
        <translation>Case {ref} is outside your area; ask the coordinator.</translation>
    </message>
    <message>
        <source>Deze casus</source>
        <translation>This case</translation>
    </message>
    <message>
        <source>Casus {ref} is afgesloten. Heropen de casus om dit te wijzigen.</source>
        <translation>Case {ref} is closed. Reopen the case to change this.</translation>
    </message>
    <message>
        <source>Casus {ref} afgesloten.</source>
        <translation>Case {ref} closed.</translation>
    </message>
    <message>
        <source>de statuswijziging</source>
        <translation>the status change</translation>
    </message>
    <message>
        <source>Risiconiveau &apos;{value}&apos; is onbekend; kies uit {options}.</source>
        <translation>Risk level &apos;{value}&apos; is unknown; choose from {options}.</translation>
    </message>
    <message>
        <source>Deze partner bestaat niet of is niet meer actief; kies een andere.</source>
        <translation>This partner does not exist or is no longer active; choose another.</translation>
    </message>
    <message>
        <source>De betrokkene is niet toegevoegd: {problems}.</source>
        <translation>The person involved has not been added: {problems}.</translation>
    </message>
    <message>
        <source>{ref} staat al als betrokkene in casus {case}.</source>
        <translation>{ref} is already a person involved in case {case}.</translation>
    </message>
    <message>
        <source>Fictieve demostap.</source>
        <translation>Fictional demo step.</translation>
    </message>
    <message>
        <source>Fictieve demo-casus: {street} {n}.</source>
        <translation>Fictional demo case: {street} {n}.</translation>
    </message>
    <message>
        <source>aantal: {n}</source>
        <translation>number: {n}</translation>
    </message>
    <message>
        <source>{cases} casussen met {persons} betrokkenen</source>
        <translation>{cases} cases with {persons} persons involved</translation>
    </message>
    <message>
        <source>{text} (fictieve demomelding {n}).</source>
        <translation>{text} (fictional demo report {n}).</translation>
    </message>
    <message>
        <source>{n} signalen</source>
        <translation>{n} signals</translation>
    </message>
    <message>
        <source>Demo-coördinator (fictief)</source>
        <translation>Demo coordinator (fictional)</translation>
    </message>
    <message>
        <source>Deze opslag bevat al echte gegevens; demogegevens horen in een nieuwe, lege opslag. Maak er een met &apos;init&apos; in een andere map.</source>
        <translation>This store already holds real data; demo data belongs in a new, empty store. Make one with &apos;init&apos; in another folder.</translation>
    </message>
    <message>
        <source>Het aantal demosignalen moet tussen 0 en {max} liggen.</source>
        <translation>The number of demo signals must be between 0 and {max}.</translation>
    </message>
    <message>
        <source>geen signalen</source>
        <translation>no signals</translation>
    </message>
    <message>
        <source>Fictieve demogegevens toegevoegd: {details}.</source>
        <translation>Fictional demo data added: {details}.</translation>
    </message>
    <message>
        <source>Partners herkennen de overlast; een integrale aanpak is afgesproken (fictief).</source>
        <translation>Partners recognise the nuisance; an integrated approach has been agreed (fictional).</translation>
    </message>
    <message>
        <source>De woningcorporatie spreekt de huurder aan; de politie houdt zicht (fictief).</source>
        <translation>The housing corporation speaks to the tenant; the police keep an eye on it (fictional).</translation>
    </message>
    <message>
        <source>Eerst een gezamenlijk huisbezoek, daarna opnieuw bespreken (fictief).</source>
        <translation>First a joint home visit, then discuss again (fictional).</translation>
    </message>
    <message>
        <source>Handhaving controleert; bij herhaling volgt een last onder dwangsom (fictief).</source>
        <translation>Enforcement inspects; if it happens again an order subject to a penalty follows (fictional).</translation>
    </message>
    <message>
        <source>Zorgen gedeeld; het wijkteam legt contact en biedt hulp aan (fictief).</source>
        <translation>Concerns shared; the neighbourhood team makes contact and offers help (fictional).</translation>
    </message>
    <message>
        <source>Gezamenlijk huisbezoek om de hulpvraag te verkennen (fictief).</source>
        <translation>Joint home visit to explore the need for help (fictional).</translation>
    </message>
    <message>
        <source>Casusregie bij de zorgpartner; terugkoppeling in het volgende overleg (fictief).</source>
        <translation>Case management by the care partner; feedback in the next meeting (fictional).</translation>
    </message>
    <message>
        <source>Schuldhulp wordt aangeboden; de corporatie stelt stappen uit (fictief).</source>
        <translation>Debt counselling is offered; the corporation postpones steps (fictional).</translation>
    </message>
    <message>
        <source>Signaal besproken; geen casus nodig, de melder krijgt bericht (fictief).</source>
        <translation>Signal discussed; no case needed, the reporter is informed (fictional).</translation>
    </message>
    <message>
        <source>Kennismaken en de zorgen van de buren bespreken (fictief demobezoek).</source>
        <translation>Get acquainted and discuss the neighbours&apos; concerns (fictional demo visit).</translation>
    </message>
    <message>
        <source>Controle op de afspraken uit het overleg (fictief demobezoek).</source>
        <translation>Check on the agreements from the meeting (fictional demo visit).</translation>
    </message>
    <message>
        <source>Hulpaanbod toelichten en afspraken maken (fictief demobezoek).</source>
        <translation>Explain the offer of help and make agreements (fictional demo visit).</translation>
    </message>
    <message>
        <source>Staat van de woning en de tuin bekijken (fictief demobezoek).</source>
        <translation>Look at the state of the house and the garden (fictional demo visit).</translation>
    </message>
    <message>
        <source>Bewoner thuis getroffen; afspraken gemaakt over opruimen en rust (fictief).</source>
        <translation>Resident found at home; agreements made about tidying up and quiet (fictional).</translation>
    </message>
    <message>
        <source>Goed gesprek; bewoner accepteert hulp van het wijkteam (fictief).</source>
        <translation>Good conversation; resident accepts help from the neighbourhood team (fictional).</translation>
    </message>
    <message>
        <source>Woning rommelig maar veilig; vervolgafspraak over twee weken (fictief).</source>
        <translation>House untidy but safe; follow-up appointment in two weeks (fictional).</translation>
    </message>
    <message>
        <source>Drie lantaarnpalen in het achterpad doen het niet</source>
        <translation>Three lamp posts in the back alley are not working</translation>
    </message>
    <message>
        <source>Grofvuil en matrassen gedumpt naast de containers</source>
        <translation>Bulky waste and mattresses dumped next to the containers</translation>
    </message>
    <message>
        <source>Hangplek bij het bankje achter de flat, veel peuken</source>
        <translation>Hang-out at the bench behind the flats, many cigarette ends</translation>
    </message>
    <message>
        <source>Hoge haag ontneemt het zicht op het pad naar school</source>
        <translation>High hedge blocks the view of the path to school</translation>
    </message>
    <message>
        <source>Bekladde gevel van de garageboxen</source>
        <translation>Defaced wall of the garage boxes</translation>
    </message>
    <message>
        <source>Losliggende tegels bij de ingang van de speeltuin</source>
        <translation>Loose tiles at the entrance of the playground</translation>
    </message>
    <message>
        <source>{type} volgens de afspraak in het overleg (fictieve demo-actie).</source>
        <translation>{type} as agreed in the meeting (fictional demo action).</translation>
    </message>
    <message>
        <source>De bewoner is verhuisd; de actie is niet meer nodig (fictief).</source>
        <translation>The resident has moved; the action is no longer needed (fictional).</translation>
    </message>
    <message>
        <source>Niemand thuis; kaartje door de bus gedaan (fictief).</source>
        <translation>No one home; card put through the letterbox (fictional).</translation>
    </message>
    <message>
        <source>Bewoner wilde niet praten; via de huisarts opnieuw proberen (fictief).</source>
        <translation>Resident did not want to talk; try again via the GP (fictional).</translation>
    </message>
    <message>
        <source>Signalen van huiselijk geweld: buren horen geschreeuw, kinderen zijn vaak alleen (fictief).</source>
        <translation>Signs of domestic violence: neighbours hear shouting, children are often alone (fictional).</translation>
    </message>
    <message>
        <source>Vermoeden van hennepteelt en malafide verhuur; signalen van politie en woningcorporatie wijzen op ondermijning (fictief).</source>
        <translation>Suspected hemp cultivation and rogue letting; signals from police and housing corporation point to subversive crime (fictional).</translation>
    </message>
    <message>
        <source>Jongere raakt betrokken bij overlast en kleine criminaliteit; vroegtijdige persoonsgerichte aanpak gewenst (fictief).</source>
        <translation>Young person getting involved in nuisance and petty crime; early person-centred approach wanted (fictional).</translation>
    </message>
    <message>
        <source>Problemen op meerdere leefgebieden; ketensamenwerking nodig (fictief).</source>
        <translation>Problems in several areas of life; chain cooperation needed (fictional).</translation>
    </message>
    <message>
        <source>jongere</source>
        <translation>young person</translation>
    </message>
    <message>
        <source>Het zorgtraject loopt en is stabiel; het lokale overleg volgt de afspraken over wonen en dagbesteding (fictief).</source>
        <translation>The care programme is running and stable; the local meeting follows the agreements on housing and daytime activities (fictional).</translation>
    </message>
    <message>
        <source>Intake gedaan; casus in behandeling (fictief).</source>
        <translation>Intake done; case in progress (fictional).</translation>
    </message>
    <message>
        <source>Traject afgerond door de ketenpartner (fictief).</source>
        <translation>Programme completed by the chain partner (fictional).</translation>
    </message>
    <message>
        <source>Start bij de wijkpost, via {a} en {b} naar {c} (fictieve route).</source>
        <translation>Start at the neighbourhood post, via {a} and {b} to {c} (fictional route).</translation>
    </message>
    <message>
        <source>{seen} (fictieve demomelding).</source>
        <translation>{seen} (fictional demo report).</translation>
    </message>
    <message>
        <source>{meetings} overleggen, {actions} acties, {visits} huisbezoeken, {escalations} opschalingen, {walks} buurtschouwen, {users} demogebruikers (zonder wachtwoord)</source>
        <translation>{meetings} meetings, {actions} actions, {visits} home visits, {escalations} escalations, {walks} neighbourhood walks, {users} demo users (without passphrase)</translation>
    </message>
    <message>
        <source>Onbekend doel &apos;{value}&apos; voor opschaling. Kies uit: {options}.</source>
        <translation>Unknown target &apos;{value}&apos; for escalation. Choose from: {options}.</translation>
    </message>
    <message>
        <source>Het externe kenmerk is te lang ({n} tekens); maximaal {max}.</source>
        <translation>The external reference is too long ({n} characters); at most {max}.</translation>
    </message>
    <message>
        <source>Casus {ref} is afgesloten; heropen haar eerst om op te schalen.</source>
        <translation>Case {ref} is closed; reopen it first to escalate.</translation>
    </message>
    <message>
        <source>De reden is te lang ({n} tekens); maximaal {max}.</source>
        <translation>The reason is too long ({n} characters); at most {max}.</translation>
    </message>
    <message>
        <source>Casus {ref} is al opgeschaald naar {target} ({esc}).</source>
        <translation>Case {ref} has already been escalated to {target} ({esc}).</translation>
    </message>
    <message>
        <source>Opgeschaald naar {target} ({ref}).</source>
        <translation>Escalated to {target} ({ref}).</translation>
    </message>
    <message>
        <source>Opschaling niet gevonden.</source>
        <translation>Escalation not found.</translation>
    </message>
    <message>
        <source>Deze opschaling</source>
        <translation>This escalation</translation>
    </message>
    <message>
        <source>Geef bij afschaling een toelichting voor het lokale overleg: wat is er gedaan en wat moet het overleg nu oppakken?</source>
        <translation>When de-escalating, add a note for the local meeting: what has been done and what should the meeting take up now?</translation>
    </message>
    <message>
        <source>De toelichting is te lang ({n} tekens); maximaal {max}.</source>
        <translation>The note is too long ({n} characters); at most {max}.</translation>
    </message>
    <message>
        <source>Afgeschaald vanuit {target} ({ref}).</source>
        <translation>De-escalated from {target} ({ref}).</translation>
    </message>
    <message>
        <source>Opschaling naar {target} afgesloten ({ref}).</source>
        <translation>Escalation to {target} closed ({ref}).</translation>
    </message>
    <message>
        <source>Onbekende status &apos;{value}&apos; voor een opschaling.</source>
        <translation>Unknown status &apos;{value}&apos; for an escalation.</translation>
    </message>
    <message>
        <source>Een export bevat persoonsgegevens; een manager gebruikt het managementrapport met cijfers.</source>
        <translation>An export contains personal data; a manager uses the management report with figures.</translation>
    </message>
    <message>
        <source>Meldcode: urgentie bij de import verhoogd van &apos;{old}&apos; naar &apos;hoog&apos;. Besluit nog of Veilig Thuis nu om advies wordt gevraagd.</source>
        <translation>Meldcode: urgency raised on import from &apos;{old}&apos; to &apos;high&apos;. Still decide whether Veilig Thuis is asked for advice now.</translation>
    </message>
    <message>
        <source>Gekoppeld aan open casus {ref} op hetzelfde adres.</source>
        <translation>Linked to open case {ref} at the same address.</translation>
    </message>
    <message>
        <source>geweigerd: {n} regel(s) met fouten</source>
        <translation>refused: {n} line(s) with errors</translation>
    </message>
    <message>
        <source>aantal: {n}; afgekeurd: {bad}</source>
        <translation>number: {n}; rejected: {bad}</translation>
    </message>
    <message>
        <source>Gehouden</source>
        <translation>Held</translation>
    </message>
    <message>
        <source>Afgeschaald, terug in het overleg</source>
        <translation>De-escalated, back in the meeting</translation>
    </message>
    <message>
        <source>Lopende opschaling</source>
        <translation>Escalation in progress</translation>
    </message>
    <message>
        <source>Evaluatie</source>
        <translation>Review</translation>
    </message>
    <message>
        <source>Nieuw signaal</source>
        <translation>New signal</translation>
    </message>
    <message>
        <source>Toegevoegd</source>
        <translation>Added</translation>
    </message>
    <message>
        <source>Dit overleg valt buiten uw focusgebieden.</source>
        <translation>This meeting is outside your focus areas.</translation>
    </message>
    <message>
        <source>Onbekend soort overleg &apos;{value}&apos;. Kies uit: {options}.</source>
        <translation>Unknown kind of meeting &apos;{value}&apos;. Choose from: {options}.</translation>
    </message>
    <message>
        <source>Kies de partnerorganisaties die aan het overleg deelnemen (ten minste één).</source>
        <translation>Choose the partner organisations that take part in the meeting (at least one).</translation>
    </message>
    <message>
        <source>Een gekozen partner is onbekend of niet meer actief. Kies opnieuw.</source>
        <translation>A chosen partner is unknown or no longer active. Choose again.</translation>
    </message>
    <message>
        <source>Het overleg begint {start}, dat ligt in het verleden. Kies een later tijdstip.</source>
        <translation>The meeting starts {start}, which is in the past. Choose a later time.</translation>
    </message>
    <message>
        <source>De locatie is te lang ({n} tekens); maximaal {max}.</source>
        <translation>The location is too long ({n} characters); at most {max}.</translation>
    </message>
    <message>
        <source>Dit overleg</source>
        <translation>This meeting</translation>
    </message>
    <message>
        <source>Dit overleg is {status}; dat kan nu niet meer.</source>
        <translation>This meeting is {status}; that is no longer possible.</translation>
    </message>
    <message>
        <source>De einddatum ligt vóór de begindatum; draai ze om.</source>
        <translation>The end date is before the start date; swap them.</translation>
    </message>
    <message>
        <source>U kunt alleen het exemplaar van uw eigen organisatie opvragen.</source>
        <translation>You can only request your own organisation&apos;s copy.</translation>
    </message>
    <message>
        <source>Deze organisatie neemt niet deel aan het overleg en krijgt de agenda en de casussen daarvan niet.</source>
        <translation>This organisation does not take part in the meeting and does not get its agenda and cases.</translation>
    </message>
    <message>
        <source>Signaal {ref} ({category}) van {day} is naar dit overleg gerouteerd.</source>
        <translation>Signal {ref} ({category}) of {day} has been routed to this meeting.</translation>
    </message>
    <message>
        <source>Evaluatie gepland op {day} (risico {risk}).</source>
        <translation>Review planned for {day} (risk {risk}).</translation>
    </message>
    <message>
        <source>Opschaling {ref} naar {target} loopt ({status}).</source>
        <translation>Escalation {ref} to {target} is in progress ({status}).</translation>
    </message>
    <message>
        <source>Opschaling {ref} naar {target} is op {day} teruggelegd bij het lokale overleg.</source>
        <translation>Escalation {ref} to {target} was handed back to the local meeting on {day}.</translation>
    </message>
    <message>
        <source>Kies een casus of een signaal voor het agendapunt.</source>
        <translation>Choose a case or a signal for the agenda item.</translation>
    </message>
    <message>
        <source>Signaal {ref} hoort bij een andere casus ({case}).</source>
        <translation>Signal {ref} belongs to another case ({case}).</translation>
    </message>
    <message>
        <source>Dit hoort bij focusgebied {area}; zet het op de agenda van een overleg daar.</source>
        <translation>This belongs to focus area {area}; put it on the agenda of a meeting there.</translation>
    </message>
    <message>
        <source>Casus {ref} is afgesloten; heropen haar eerst.</source>
        <translation>Case {ref} is closed; reopen it first.</translation>
    </message>
    <message>
        <source>{ref} staat al op de agenda van dit overleg.</source>
        <translation>{ref} is already on the agenda of this meeting.</translation>
    </message>
    <message>
        <source>Onbekende reden &apos;{value}&apos; voor een agendapunt.</source>
        <translation>Unknown reason &apos;{value}&apos; for an agenda item.</translation>
    </message>
    <message>
        <source>De nieuwe volgorde moet elk agendapunt van dit overleg precies één keer bevatten ({n} punten). Laad de agenda opnieuw en probeer het nog eens.</source>
        <translation>The new order must contain every agenda item of this meeting exactly once ({n} items). Reload the agenda and try again.</translation>
    </message>
    <message>
        <source>Agendapunt niet gevonden.</source>
        <translation>Agenda item not found.</translation>
    </message>
    <message>
        <source>Dit agendapunt</source>
        <translation>This agenda item</translation>
    </message>
    <message>
        <source>Op dit agendapunt is al een besluit of actie vastgelegd; het blijft in het verslag staan.</source>
        <translation>A decision or action has already been recorded on this agenda item; it stays in the minutes.</translation>
    </message>
    <message>
        <source>De agenda is leeg; zet er eerst punten op.</source>
        <translation>The agenda is empty; add items first.</translation>
    </message>
    <message>
        <source>Het overleg begint pas {start}; leg het besluit daarna vast.</source>
        <translation>The meeting only starts {start}; record the decision after that.</translation>
    </message>
    <message>
        <source>Op dit agendapunt is al een besluit vastgelegd.</source>
        <translation>A decision has already been recorded on this agenda item.</translation>
    </message>
    <message>
        <source>Schrijf het besluit op: wat spraken de partners af?</source>
        <translation>Write down the decision: what did the partners agree?</translation>
    </message>
    <message>
        <source>Het besluit is te lang ({n} tekens); maximaal {max}.</source>
        <translation>The decision is too long ({n} characters); at most {max}.</translation>
    </message>
    <message>
        <source>Dit agendapunt gaat over een casus, niet over een los signaal.</source>
        <translation>This agenda item is about a case, not a separate signal.</translation>
    </message>
    <message>
        <source>Acties horen bij een casus: koppel het signaal eerst aan een (nieuwe) casus.</source>
        <translation>Actions belong to a case: link the signal to a (new) case first.</translation>
    </message>
    <message>
        <source>Actie {n}</source>
        <translation>Action {n}</translation>
    </message>
    <message>
        <source>Besproken in het overleg van {day}.</source>
        <translation>Discussed in the meeting of {day}.</translation>
    </message>
    <message>
        <source>Geef de naam van de organisatie.</source>
        <translation>Give the name of the organisation.</translation>
    </message>
    <message>
        <source>De naam is te lang ({n} tekens); maximaal {max}.</source>
        <translation>The name is too long ({n} characters); at most {max}.</translation>
    </message>
    <message>
        <source>Er is al een organisatie met de naam &apos;{name}&apos;. Kies een andere naam.</source>
        <translation>There is already an organisation named &apos;{name}&apos;. Choose another name.</translation>
    </message>
    <message>
        <source>Onbekend soort bron &apos;{value}&apos;. Kies uit: {options}.</source>
        <translation>Unknown kind of source &apos;{value}&apos;. Choose from: {options}.</translation>
    </message>
    <message>
        <source>Organisatie niet gevonden.</source>
        <translation>Organisation not found.</translation>
    </message>
    <message>
        <source>Deze partner</source>
        <translation>This organisation</translation>
    </message>
    <message>
        <source>{name} is al niet actief.</source>
        <translation>{name} is already inactive.</translation>
    </message>
    <message>
        <source>{name} heeft nog {n} actieve gebruiker(s). Zet die eerst op non-actief of verplaats ze naar een andere organisatie.</source>
        <translation>{name} still has {n} active user(s). Deactivate them first or move them to another organisation.</translation>
    </message>
    <message>
        <source>{name} is al actief.</source>
        <translation>{name} is already active.</translation>
    </message>
    <message>
        <source>Onbekend overleg &apos;{value}&apos;; kies FL (fysieke leefomgeving) of AV (achter de voordeur).</source>
        <translation>Unknown meeting &apos;{value}&apos;; choose FL (physical environment) or AV (behind the front door).</translation>
    </message>
    <message>
        <source>Te lang ({n} tekens); hoogstens {max}.</source>
        <translation>Too long ({n} characters); at most {max}.</translation>
    </message>
    <message>
        <source>Code &apos;{value}&apos; kan niet: gebruik hoofdletters en cijfers met hoogstens één streepje, zoals WO-OVL.</source>
        <translation>Code &apos;{value}&apos; is not possible: use capital letters and digits with at most one hyphen, such as WO-OVL.</translation>
    </message>
    <message>
        <source>Geef de categorie een naam.</source>
        <translation>Give the category a name.</translation>
    </message>
    <message>
        <source>Geef de hoofdcategorie op.</source>
        <translation>Give the main category.</translation>
    </message>
    <message>
        <source>De behandeltermijn is {n} werkdagen; kies 1 tot en met {max}.</source>
        <translation>The handling term is {n} working days; choose 1 to {max}.</translation>
    </message>
    <message>
        <source>Categorie {code} heet al &apos;{name}&apos;; kies een andere naam.</source>
        <translation>Category {code} is already called &apos;{name}&apos;; choose another name.</translation>
    </message>
    <message>
        <source>Deze categorie</source>
        <translation>This category</translation>
    </message>
    <message>
        <source>Onbekende gemeente &apos;{value}&apos;; kies uit: {options}.</source>
        <translation>Unknown municipality &apos;{value}&apos;; choose from: {options}.</translation>
    </message>
    <message>
        <source>Focusgebied {area} ligt niet in {municipality}.</source>
        <translation>Focus area {area} is not in {municipality}.</translation>
    </message>
    <message>
        <source>Postcode {code} staat niet in de tabel.</source>
        <translation>Postcode {code} is not in the table.</translation>
    </message>
    <message>
        <source>Huisbezoek morgen</source>
        <translation>Home visit tomorrow</translation>
    </message>
    <message>
        <source>Huisbezoek over een uur</source>
        <translation>Home visit in an hour</translation>
    </message>
    <message>
        <source>Huisbezoek zonder uitkomst</source>
        <translation>Home visit without outcome</translation>
    </message>
    <message>
        <source>Actie vandaag af</source>
        <translation>Action due today</translation>
    </message>
    <message>
        <source>Actie over de termijn</source>
        <translation>Action past its term</translation>
    </message>
    <message>
        <source>Open actie op afgesloten casus</source>
        <translation>Open action on a closed case</translation>
    </message>
    <message>
        <source>Evaluatie casus</source>
        <translation>Case review</translation>
    </message>
    <message>
        <source>Opschaling 14 dagen zonder wijziging</source>
        <translation>Escalation unchanged for 14 days</translation>
    </message>
    <message>
        <source>Agenda nog niet verstuurd</source>
        <translation>Agenda not sent yet</translation>
    </message>
    <message>
        <source>ma</source>
        <translation>Mon</translation>
    </message>
    <message>
        <source>di</source>
        <translation>Tue</translation>
    </message>
    <message>
        <source>wo</source>
        <translation>Wed</translation>
    </message>
    <message>
        <source>do</source>
        <translation>Thu</translation>
    </message>
    <message>
        <source>vr</source>
        <translation>Fri</translation>
    </message>
    <message>
        <source>za</source>
        <translation>Sat</translation>
    </message>
    <message>
        <source>zo</source>
        <translation>Sun</translation>
    </message>
    <message>
        <source>casus {ref}</source>
        <translation>case {ref}</translation>
    </message>
    <message>
        <source>termijn</source>
        <translation>term</translation>
    </message>
    <message>
        <source>termijn was</source>
        <translation>term was</translation>
    </message>
    <message>
        <source>casus afgesloten op</source>
        <translation>case closed on</translation>
    </message>
    <message>
        <source>evaluatie</source>
        <translation>review</translation>
    </message>
    <message>
        <source>laatste wijziging</source>
        <translation>last change</translation>
    </message>
    <message>
        <source>Bereid het huisbezoek voor met de partners.</source>
        <translation>Prepare the home visit with the partners.</translation>
    </message>
    <message>
        <source>Het huisbezoek begint over een uur.</source>
        <translation>The home visit starts in an hour.</translation>
    </message>
    <message>
        <source>Het geplande tijdstip is voorbij: leg de uitkomst vast of plan opnieuw.</source>
        <translation>The planned time has passed: record the outcome or plan again.</translation>
    </message>
    <message>
        <source>De termijn van deze actie verloopt vandaag.</source>
        <translation>The term of this action ends today.</translation>
    </message>
    <message>
        <source>Rond de actie af, verleng de termijn of laat hem vervallen.</source>
        <translation>Complete the action, extend the term or let it lapse.</translation>
    </message>
    <message>
        <source>De casus is afgesloten terwijl deze actie openstaat: rond hem af of laat hem vervallen.</source>
        <translation>The case has been closed while this action is open: complete it or let it lapse.</translation>
    </message>
    <message>
        <source>Zet de casus op de agenda of leg de evaluatie vast.</source>
        <translation>Put the case on the agenda or record the review.</translation>
    </message>
    <message>
        <source>Vraag de stand van zaken na bij de ketenpartner.</source>
        <translation>Ask the chain partner how things stand.</translation>
    </message>
    <message>
        <source>Stel de agenda vast en verstuur hem naar de partners.</source>
        <translation>Finalise the agenda and send it to the partners.</translation>
    </message>
    <message>
        <source>Onbekende herinnering.</source>
        <translation>Unknown reminder.</translation>
    </message>
    <message>
        <source>15 minuten</source>
        <translation>15 minutes</translation>
    </message>
    <message>
        <source>1 uur</source>
        <translation>1 hour</translation>
    </message>
    <message>
        <source>Morgen 08:00</source>
        <translation>Tomorrow 08:00</translation>
    </message>
    <message>
        <source>Volgende werkdag 08:00</source>
        <translation>Next working day 08:00</translation>
    </message>
    <message>
        <source>Over een week</source>
        <translation>In a week</translation>
    </message>
    <message>
        <source>Deze herinnering geldt niet meer: het werk is intussen afgerond of gewijzigd. Ververs de lijst.</source>
        <translation>This reminder no longer applies: the work has been completed or changed in the meantime. Refresh the list.</translation>
    </message>
    <message>
        <source>De klok van deze computer is teruggezet: de vorige controle was om {then}, nu is het {now}. Herinneringen die al gemeld zijn, worden niet opnieuw gemeld; controleer de datum en tijd van de computer.</source>
        <translation>This computer&apos;s clock has been set back: the previous check was at {then}, it is now {now}. Reminders already shown are not shown again; check the computer&apos;s date and time.</translation>
    </message>
    <message>
        <source>Kies een tijdstip na {now} om de herinnering uit te stellen.</source>
        <translation>Choose a time after {now} to snooze the reminder.</translation>
    </message>
    <message>
        <source>Een herinnering kan hoogstens 30 dagen worden uitgesteld, tot {last}.</source>
        <translation>A reminder can be snoozed for at most 30 days, until {last}.</translation>
    </message>
    <message>
        <source>Deze herinnering vervalt op {expires}; stel hem uit tot vóór dat tijdstip.</source>
        <translation>This reminder expires at {expires}; snooze it until before that time.</translation>
    </message>
    <message>
        <source>Casus &apos;{ref}&apos; bestaat niet. Controleer de referentie (zoals C-2026-00042).</source>
        <translation>Case &apos;{ref}&apos; does not exist. Check the reference (such as C-2026-00042).</translation>
    </message>
    <message>
        <source>casusoverzicht (gepseudonimiseerd)</source>
        <translation>case summary (pseudonymised)</translation>
    </message>
    <message>
        <source>Samenwerking over ketens heen nodig</source>
        <translation>Cooperation across chains needed</translation>
    </message>
    <message>
        <source>Gevolgen voor gezinssysteem of omgeving</source>
        <translation>Consequences for the family system or surroundings</translation>
    </message>
    <message>
        <source>Ernstige lokale veiligheidsproblemen</source>
        <translation>Serious local safety problems</translation>
    </message>
    <message>
        <source>Focusgebied {area} is niet aan u toegewezen; vraag de coördinator om het pakket.</source>
        <translation>Focus area {area} is not assigned to you; ask the coordinator for the pack.</translation>
    </message>
    <message>
        <source>Postcode {pc}</source>
        <translation>Postcode {pc}</translation>
    </message>
    <message>
        <source>buurtschouwpakket {area} {day}</source>
        <translation>neighbourhood walk pack {area} {day}</translation>
    </message>
    <message>
        <source>U kunt alleen het exemplaar van uw eigen organisatie afdrukken.</source>
        <translation>You can only print your own organisation&apos;s copy.</translation>
    </message>
    <message>
        <source>Uw account hoort bij geen organisatie; vraag de beheerder.</source>
        <translation>Your account belongs to no organisation; ask the administrator.</translation>
    </message>
    <message>
        <source>verslag</source>
        <translation>minutes</translation>
    </message>
    <message>
        <source>agenda</source>
        <translation>agenda</translation>
    </message>
    <message>
        <source>Overleg {id} bestaat niet.</source>
        <translation>Meeting {id} does not exist.</translation>
    </message>
    <message>
        <source>Dit overleg hoort bij een focusgebied dat niet aan u is toegewezen.</source>
        <translation>This meeting belongs to a focus area that is not assigned to you.</translation>
    </message>
    <message>
        <source>Onbekende organisatie.</source>
        <translation>Unknown organisation.</translation>
    </message>
    <message>
        <source>{partner} neemt niet deel aan dit overleg en krijgt geen {kind}.</source>
        <translation>{partner} does not take part in this meeting and gets no {kind}.</translation>
    </message>
    <message>
        <source>januari</source>
        <translation>January</translation>
    </message>
    <message>
        <source>februari</source>
        <translation>February</translation>
    </message>
    <message>
        <source>maart</source>
        <translation>March</translation>
    </message>
    <message>
        <source>april</source>
        <translation>April</translation>
    </message>
    <message>
        <source>mei</source>
        <translation>May</translation>
    </message>
    <message>
        <source>juni</source>
        <translation>June</translation>
    </message>
    <message>
        <source>juli</source>
        <translation>July</translation>
    </message>
    <message>
        <source>augustus</source>
        <translation>August</translation>
    </message>
    <message>
        <source>september</source>
        <translation>September</translation>
    </message>
    <message>
        <source>oktober</source>
        <translation>October</translation>
    </message>
    <message>
        <source>november</source>
        <translation>November</translation>
    </message>
    <message>
        <source>december</source>
        <translation>December</translation>
    </message>
    <message>
        <source>jan</source>
        <translation>Jan</translation>
    </message>
    <message>
        <source>feb</source>
        <translation>Feb</translation>
    </message>
    <message>
        <source>mrt</source>
        <translation>Mar</translation>
    </message>
    <message>
        <source>apr</source>
        <translation>Apr</translation>
    </message>
    <message>
        <source>jun</source>
        <translation>Jun</translation>
    </message>
    <message>
        <source>jul</source>
        <translation>Jul</translation>
    </message>
    <message>
        <source>aug</source>
        <translation>Aug</translation>
    </message>
    <message>
        <source>sep</source>
        <translation>Sep</translation>
    </message>
    <message>
        <source>okt</source>
        <translation>Oct</translation>
    </message>
    <message>
        <source>nov</source>
        <translation>Nov</translation>
    </message>
    <message>
        <source>dec</source>
        <translation>Dec</translation>
    </message>
    <message>
        <source>{q}e kwartaal {y}</source>
        <translation>Q{q} {y}</translation>
    </message>
    <message>
        <source>Onbekende periode &apos;{value}&apos;. Gebruik een jaar (2026), een kwartaal (2026Q3) of een maand (2026-07).</source>
        <translation>Unknown period &apos;{value}&apos;. Use a year (2026), a quarter (2026Q3) or a month (2026-07).</translation>
    </message>
    <message>
        <source>De periode {period} is nog niet begonnen; kies een periode tot en met vandaag ({today}).</source>
        <translation>The period {period} has not started yet; choose a period up to and including today ({today}).</translation>
    </message>
    <message>
        <source>Als wijkagent krijgt u alleen de cijfers van uw eigen focusgebied(en); kies een van die gebieden.</source>
        <translation>As a neighbourhood officer you only get the figures of your own focus area(s); choose one of those areas.</translation>
    </message>
    <message>
        <source>alle focusgebieden</source>
        <translation>all focus areas</translation>
    </message>
    <message>
        <source>Signalen zonder casus</source>
        <translation>Signals without a case</translation>
    </message>
    <message>
        <source>Afgesloten casussen</source>
        <translation>Closed cases</translation>
    </message>
    <message>
        <source>Gegevens van de melder</source>
        <translation>Reporter details</translation>
    </message>
    <message>
        <source>De termijn moet een geheel aantal dagen zijn, bijvoorbeeld 365.</source>
        <translation>The term must be a whole number of days, for example 365.</translation>
    </message>
    <message>
        <source>een afgerond signaal kan nog heroverwogen of gekoppeld worden</source>
        <translation>a completed signal can still be reconsidered or linked</translation>
    </message>
    <message>
        <source>een afgesloten casus kan heropend worden als problemen terugkeren</source>
        <translation>a closed case can be reopened if problems return</translation>
    </message>
    <message>
        <source>de melder moet bereikbaar blijven zolang het signaal loopt</source>
        <translation>the reporter must stay reachable while the signal is open</translation>
    </message>
    <message>
        <source>Een termijn van {days} dagen is te kort voor &apos;{kind}&apos;: minimaal {minimum} dagen, want {reason}.</source>
        <translation>A term of {days} days is too short for &apos;{kind}&apos;: at least {minimum} days, because {reason}.</translation>
    </message>
    <message>
        <source>Een termijn van {days} dagen is langer dan twintig jaar ({maximum} dagen). Controleer het getal.</source>
        <translation>A term of {days} days is longer than twenty years ({maximum} days). Check the number.</translation>
    </message>
    <message>
        <source>Vermeld de wettelijke grondslag van de termijn, bijvoorbeeld &apos;AVG art. 5 lid 1 sub e; convenant Sociaal Veilig&apos;.</source>
        <translation>State the legal basis of the term, for example &apos;AVG art. 5(1)(e); Sociaal Veilig covenant&apos;.</translation>
    </message>
    <message>
        <source>De grondslag is te lang (meer dan 1000 tekens). Vat hem samen.</source>
        <translation>The basis is too long (more than 1000 characters). Please summarise it.</translation>
    </message>
    <message>
        <source>casus {case} loopt nog</source>
        <translation>case {case} is still open</translation>
    </message>
    <message>
        <source>signaal {signal} is nog in behandeling</source>
        <translation>signal {signal} is still in progress</translation>
    </message>
    <message>
        <source>Een termijn van {days} dagen is korter dan een open casus toestaat: {where} en de melder van signaal {signal} ({age} dagen oud) zou direct gewist worden. Kies minstens {shortest} dagen, of rond eerst het werk af.</source>
        <translation>A term of {days} days is shorter than an open case allows: {where} and the reporter of signal {signal} ({age} days old) would be erased at once. Choose at least {shortest} days, or finish the work first.</translation>
    </message>
    <message>
        <source>Onbekende bewaarregel &apos;{code}&apos;. Bekend: {known}.</source>
        <translation>Unknown retention rule &apos;{code}&apos;. Known: {known}.</translation>
    </message>
    <message>
        <source>Deze bewaartermijn</source>
        <translation>This retention period</translation>
    </message>
    <message>
        <source>Onbekende algemene bewaarregel &apos;{code}&apos;.</source>
        <translation>Unknown general retention rule &apos;{code}&apos;.</translation>
    </message>
    <message>
        <source>Onbekende categorie &apos;{code}&apos;. Gebruik een categoriecode, zoals ZV-HG.</source>
        <translation>Unknown category &apos;{code}&apos;. Use a category code, such as ZV-HG.</translation>
    </message>
    <message>
        <source>Onbekende bewaarregel &apos;{code}&apos;.</source>
        <translation>Unknown retention rule &apos;{code}&apos;.</translation>
    </message>
    <message>
        <source>Een algemene bewaarregel kan niet weg; pas de termijn aan.</source>
        <translation>A general retention rule cannot be removed; change its term.</translation>
    </message>
    <message>
        <source>Ongeldige peildatum &apos;{text}&apos;. Schrijf dd-mm-jjjj of jjjj-mm-dd.</source>
        <translation>Invalid reference date &apos;{text}&apos;. Write dd-mm-yyyy or yyyy-mm-dd.</translation>
    </message>
    <message>
        <source>De peildatum ligt in de toekomst ({day}); dan zou data verdwijnen waarvan de termijn nog loopt. Kies vandaag ({today}) of eerder.</source>
        <translation>The reference date is in the future ({day}); data whose term is still running would disappear. Choose today ({today}) or earlier.</translation>
    </message>
    <message>
        <source>Peildatum: {day}.</source>
        <translation>Reference date: {day}.</translation>
    </message>
    <message>
        <source>Verwijderd: {n} signalen die nooit een casus werden.</source>
        <translation>Removed: {n} signals that never became a case.</translation>
    </message>
    <message>
        <source>Verwijderd: {n} afgesloten casussen, met {signals} signalen, {actions} acties, {visits} huisbezoeken, {escalations} opschalingen en {items} agendapunten.</source>
        <translation>Removed: {n} closed cases, with {signals} signals, {actions} actions, {visits} home visits, {escalations} escalations and {items} agenda items.</translation>
    </message>
    <message>
        <source>Verwijderd: {n} betrokkenen die nergens meer bij horen.</source>
        <translation>Removed: {n} persons involved who no longer belong to anything.</translation>
    </message>
    <message>
        <source>Geanonimiseerd: de melder van {n} signalen.</source>
        <translation>Anonymised: the reporter of {n} signals.</translation>
    </message>
    <message>
        <source>Bewaard: {n} afgesloten casussen waarvan de termijn verstreken is, maar met nog lopend werk (open actie, opschaling of gepland huisbezoek).</source>
        <translation>Kept: {n} closed cases whose term has passed but with work still running (open action, escalation or planned home visit).</translation>
    </message>
    <message>
        <source>Niets te verwijderen of te anonimiseren volgens de bewaartermijnen.</source>
        <translation>Nothing to remove or anonymise under the retention periods.</translation>
    </message>
    <message>
        <source>Let op: de vrije ruimte kon nog niet helemaal worden opgeruimd (het bestand was in gebruik). Dat gebeurt opnieuw bij de volgende opschoning.</source>
        <translation>Note: the free space could not yet be cleaned up completely (the file was in use). That happens again at the next purge.</translation>
    </message>
    <message>
        <source>Ruimte vrijgemaakt: de verwijderde gegevens staan niet meer in het bestand.</source>
        <translation>Space cleared: the removed data is no longer in the file.</translation>
    </message>
    <message>
        <source>bewaartermijnen, peildatum {day}</source>
        <translation>retention periods, reference date {day}</translation>
    </message>
    <message>
        <source>Filter {field}: &apos;{value}&apos; is onbekend; kies uit {options}.</source>
        <translation>Filter {field}: &apos;{value}&apos; is unknown; choose from {options}.</translation>
    </message>
    <message>
        <source>De periode begint na het einde; kies een begindatum vóór de einddatum.</source>
        <translation>The period starts after its end; choose a start date before the end date.</translation>
    </message>
    <message>
        <source>Kan niet sorteren op &apos;{value}&apos;; kies uit {options}.</source>
        <translation>Cannot sort by &apos;{value}&apos;; choose from {options}.</translation>
    </message>
    <message>
        <source>Uw wachtwoord is door de beheerder ingesteld; kies eerst een eigen wachtwoord (sociaalveilig-admin passwd, of bij het aanmelden in het programma).</source>
        <translation>Your passphrase was set by the administrator; first choose a passphrase of your own (sociaalveilig-admin passwd, or when signing in to the program).</translation>
    </message>
    <message>
        <source>Onbekende gebruiker of onjuist wachtwoord.</source>
        <translation>Unknown user or wrong passphrase.</translation>
    </message>
    <message>
        <source>Te veel mislukte aanmeldpogingen; probeer het over {n} seconden opnieuw.</source>
        <translation>Too many failed sign-ins; try again in {n} seconds.</translation>
    </message>
    <message>
        <source>Te veel mislukte aanmeldpogingen; probeer het over {n} minuten opnieuw.</source>
        <translation>Too many failed sign-ins; try again in {n} minutes.</translation>
    </message>
    <message>
        <source>Alleen een beheerder van het centrum maakt een herstelcode.</source>
        <translation>Only an administrator of the centre makes a recovery code.</translation>
    </message>
    <message>
        <source>De herstelcode klopt niet, of {user} is geen actieve beheerder.</source>
        <translation>The recovery code is wrong, or {user} is not an active administrator.</translation>
    </message>
    <message>
        <source>{user} is geen actieve beheerder. Met de herstelcode krijgt alleen een beheerder weer toegang.</source>
        <translation>{user} is not an active administrator. The recovery code only gives an administrator access again.</translation>
    </message>
    <message>
        <source>Deze opslag heeft meer dan één beheerder: geef --user NAAM op.</source>
        <translation>This store has more than one administrator: give --user NAME.</translation>
    </message>
    <message>
        <source>Deze opslag heeft geen actieve beheerder; herstel uit een back-up.</source>
        <translation>This store has no active administrator; restore from a backup.</translation>
    </message>
    <message>
        <source>Deze opslag heeft meer dan één gebruiker: geef --user NAAM op.</source>
        <translation>This store has more than one user: give --user NAME.</translation>
    </message>
    <message>
        <source>datum ontbreekt</source>
        <translation>date is missing</translation>
    </message>
    <message>
        <source>Het signaal is niet opgeslagen: {problems}.</source>
        <translation>The signal has not been saved: {problems}.</translation>
    </message>
    <message>
        <source>betrokkene {n}: naam ontbreekt</source>
        <translation>person involved {n}: name is missing</translation>
    </message>
    <message>
        <source>betrokkene {n}: naam is te lang (hoogstens {limit} tekens)</source>
        <translation>person involved {n}: name is too long (at most {limit} characters)</translation>
    </message>
    <message>
        <source>betrokkene {n}: geboortejaar {year} kan niet; geef een jaar tussen 1900 en {limit}, of laat het leeg</source>
        <translation>person involved {n}: birth year {year} is not possible; give a year between 1900 and {limit}, or leave it empty</translation>
    </message>
    <message>
        <source>betrokkene {n}: rol is te lang (hoogstens {limit} tekens)</source>
        <translation>person involved {n}: role is too long (at most {limit} characters)</translation>
    </message>
    <message>
        <source>Geef een reden voor {what}; die komt in de geschiedenis.</source>
        <translation>Give a reason for {what}; it goes into the history.</translation>
    </message>
    <message>
        <source>De reden is te lang: {length} tekens, hoogstens {limit}.</source>
        <translation>The reason is too long: {length} characters, at most {limit}.</translation>
    </message>
    <message>
        <source>Casus {ref} bestaat niet. Controleer de referentie.</source>
        <translation>Case {ref} does not exist. Check the reference.</translation>
    </message>
    <message>
        <source>Signaal {ref} bestaat niet. Controleer de referentie.</source>
        <translation>Signal {ref} does not exist. Check the reference.</translation>
    </message>
    <message>
        <source>Open casus {ref} op hetzelfde adres.</source>
        <translation>Open case {ref} at the same address.</translation>
    </message>
    <message>
        <source>Open casus {ref} met een betrokkene met dezelfde naam en hetzelfde geboortejaar ({person}).</source>
        <translation>Open case {ref} with a person involved with the same name and birth year ({person}).</translation>
    </message>
    <message>
        <source>Casus {ref} is afgesloten. Heropen de casus eerst, of kies een andere of een nieuwe casus.</source>
        <translation>Case {ref} is closed. Reopen the case first, or choose another or a new case.</translation>
    </message>
    <message>
        <source>Casus {ref} valt buiten uw werkgebied; vraag de coördinator het signaal te koppelen.</source>
        <translation>Case {ref} is outside your area; ask the coordinator to link the signal.</translation>
    </message>
    <message>
        <source>Kies een casus: een bestaande, een nieuwe casus, of geen casus.</source>
        <translation>Choose a case: an existing one, a new case, or no case.</translation>
    </message>
    <message>
        <source>Een nieuwe casus maakt de coördinator of de wijkagent; kies &apos;geen casus&apos;.</source>
        <translation>A new case is made by the coordinator or the neighbourhood officer; choose &apos;no case&apos;.</translation>
    </message>
    <message>
        <source>Dit adres ligt buiten uw focusgebieden; registreer het signaal zonder casus, dan maakt de coördinator de casus.</source>
        <translation>This address is outside your focus areas; register the signal without a case, and the coordinator will make the case.</translation>
    </message>
    <message>
        <source>Gekoppeld aan casus {ref}.</source>
        <translation>Linked to case {ref}.</translation>
    </message>
    <message>
        <source>Signaal {ref} is (nog) niet gerouteerd.</source>
        <translation>Signal {ref} has not been routed (yet).</translation>
    </message>
    <message>
        <source>Signaal {ref} ging naar: {target}. {reason}</source>
        <translation>Signal {ref} went to: {target}. {reason}</translation>
    </message>
    <message>
        <source>Dit signaal</source>
        <translation>This signal</translation>
    </message>
    <message>
        <source>het koppelen of verplaatsen</source>
        <translation>linking or moving</translation>
    </message>
    <message>
        <source>Signaal {signal} hoort al bij casus {case}.</source>
        <translation>Signal {signal} already belongs to case {case}.</translation>
    </message>
    <message>
        <source>Verplaatst van casus {old} naar {new}: {reason}</source>
        <translation>Moved from case {old} to {new}: {reason}</translation>
    </message>
    <message>
        <source>het ontkoppelen</source>
        <translation>unlinking</translation>
    </message>
    <message>
        <source>Signaal {ref} is aan geen casus gekoppeld.</source>
        <translation>Signal {ref} is not linked to any case.</translation>
    </message>
    <message>
        <source>Losgekoppeld van casus {ref}: {reason}</source>
        <translation>Unlinked from case {ref}: {reason}</translation>
    </message>
    <message>
        <source>Koppel het signaal aan een casus met &apos;koppelen&apos;; kies daar de casus.</source>
        <translation>Link the signal to a case with &apos;link&apos;; choose the case there.</translation>
    </message>
    <message>
        <source>{field} &apos;{value}&apos; is onbekend; kies uit {options}.</source>
        <translation>{field} &apos;{value}&apos; is unknown; choose from {options}.</translation>
    </message>
    <message>
        <source>Deze routeringsregel</source>
        <translation>This routing rule</translation>
    </message>
    <message>
        <source>Geef de regel een naam.</source>
        <translation>Give the rule a name.</translation>
    </message>
    <message>
        <source>De naam is te lang (hoogstens 120 tekens).</source>
        <translation>The name is too long (at most 120 characters).</translation>
    </message>
    <message>
        <source>Kies waar de regel het signaal heen stuurt: {options}.</source>
        <translation>Choose where the rule sends the signal: {options}.</translation>
    </message>
    <message>
        <source>Categorie &apos;{value}&apos; is onbekend; kies een code of naam uit de lijst.</source>
        <translation>Category &apos;{value}&apos; is unknown; choose a code or name from the list.</translation>
    </message>
    <message>
        <source>Hoofdcategorie &apos;{value}&apos; is onbekend; kies uit {options}.</source>
        <translation>Main category &apos;{value}&apos; is unknown; choose from {options}.</translation>
    </message>
    <message>
        <source>Deze routeringsregel bestaat niet (meer).</source>
        <translation>This routing rule does not exist (any more).</translation>
    </message>
    <message>
        <source>Positie {n} kan niet; kies 1 tot en met {last}.</source>
        <translation>Position {n} is not possible; choose 1 to {last}.</translation>
    </message>
    <message>
        <source>Kies een bron.</source>
        <translation>Choose a source.</translation>
    </message>
    <message>
        <source>ingezien</source>
        <translation>viewed</translation>
    </message>
    <message>
        <source>afgedrukt</source>
        <translation>printed</translation>
    </message>
    <message>
        <source>geëxporteerd</source>
        <translation>exported</translation>
    </message>
    <message>
        <source>aangemaakt</source>
        <translation>created</translation>
    </message>
    <message>
        <source>gewijzigd</source>
        <translation>changed</translation>
    </message>
    <message>
        <source>gekoppeld</source>
        <translation>linked</translation>
    </message>
    <message>
        <source>geopend met de noodknop (buiten het eigen werkgebied)</source>
        <translation>opened with emergency access (outside the user&apos;s own area)</translation>
    </message>
    <message>
        <source>gezocht</source>
        <translation>searched</translation>
    </message>
    <message>
        <source>verwijderd volgens de bewaartermijn</source>
        <translation>removed under the retention period</translation>
    </message>
    <message>
        <source>casus</source>
        <translation>case</translation>
    </message>
    <message>
        <source>signaal</source>
        <translation>signal</translation>
    </message>
    <message>
        <source>persoonsgegevens</source>
        <translation>personal data</translation>
    </message>
    <message>
        <source>actie</source>
        <translation>action</translation>
    </message>
    <message>
        <source>acties van de casus</source>
        <translation>actions of the case</translation>
    </message>
    <message>
        <source>huisbezoek</source>
        <translation>home visit</translation>
    </message>
    <message>
        <source>opschaling</source>
        <translation>escalation</translation>
    </message>
    <message>
        <source>opschalingen van de casus</source>
        <translation>escalations of the case</translation>
    </message>
    <message>
        <source>overleg</source>
        <translation>meeting</translation>
    </message>
    <message>
        <source>agendapunt overleg</source>
        <translation>meeting agenda item</translation>
    </message>
    <message>
        <source>Geef de referentie van de betrokkene, zoals P-2026-000015.</source>
        <translation>Give the reference of the person involved, such as P-2026-000015.</translation>
    </message>
    <message>
        <source>niet vermeld (de melder is een ander persoon)</source>
        <translation>not stated (the reporter is another person)</translation>
    </message>
    <message>
        <source>niet vermeld (gewist na de bewaartermijn)</source>
        <translation>not stated (erased after the retention period)</translation>
    </message>
    <message>
        <source>anoniem of niet vastgelegd</source>
        <translation>anonymous or not recorded</translation>
    </message>
    <message>
        <source>Omschrijving weggelaten: dit signaal gaat ook over een ander.</source>
        <translation>Description left out: this signal is also about someone else.</translation>
    </message>
    <message>
        <source>Sociaal Veilig Parkstad</source>
        <translation>Sociaal Veilig Parkstad</translation>
    </message>
    <message>
        <source>Geen betrokkene met referentie {ref}. Controleer de referentie.</source>
        <translation>No person involved with reference {ref}. Check the reference.</translation>
    </message>
    <message>
        <source>via een signaal</source>
        <translation>via a signal</translation>
    </message>
    <message>
        <source>Dit overzicht bevat alle gegevens die Sociaal Veilig Parkstad over u heeft vastgelegd, met de herkomst, en wie ze wanneer heeft ingezien of gewijzigd.</source>
        <translation>This overview contains all the data that Sociaal Veilig Parkstad has recorded about you, with its origin, and who viewed or changed it and when.</translation>
    </message>
    <message>
        <source>Gegevens over andere personen zijn weggelaten (AVG art. 15 lid 4): andere betrokkenen worden niet genoemd, melders worden nooit genoemd, en vrije tekst die ook over anderen gaat is niet opgenomen.</source>
        <translation>Data about other people has been left out (GDPR art. 15(4)): other persons involved are not named, reporters are never named, and free text that is also about others is not included.</translation>
    </message>
    <message>
        <source>Medewerkers worden genoemd met hun rol en organisatie, niet met hun naam. Wilt u meer weten over een vermelding, neem dan contact op met het coördinatiecentrum in Hoensbroek.</source>
        <translation>Staff are named by their role and organisation, not by name. If you want to know more about an entry, please contact the coordination centre in Hoensbroek.</translation>
    </message>
    <message>
        <source>Bij een of meer vermeldingen is de tekst weggelaten omdat die ook over anderen gaat. U kunt de coördinator vragen om een samenvatting van wat alleen u betreft.</source>
        <translation>For one or more entries the text has been left out because it is also about others. You can ask the coordinator for a summary of what concerns only you.</translation>
    </message>
    <message>
        <source>Kies twee verschillende bestanden voor de PDF en het JSON-bestand.</source>
        <translation>Choose two different files for the PDF and the JSON file.</translation>
    </message>
    <message>
        <source>Onbekende rol &apos;{role}&apos;. Kies uit: {options}.</source>
        <translation>Unknown role &apos;{role}&apos;. Choose from: {options}.</translation>
    </message>
    <message>
        <source>Een partnergebruiker hoort bij een organisatie: geef --partner op.</source>
        <translation>A partner user belongs to an organisation: give --partner.</translation>
    </message>
    <message>
        <source>Gebruiker {user} bestaat al. Kies een andere naam.</source>
        <translation>User {user} already exists. Choose another name.</translation>
    </message>
    <message>
        <source>Onbekende organisatie &apos;{name}&apos;. Kies uit: {options}.</source>
        <translation>Unknown organisation &apos;{name}&apos;. Choose from: {options}.</translation>
    </message>
    <message>
        <source>Uw sessie bij het centrum is beëindigd; meld u opnieuw aan.</source>
        <translation>Your session at the centre has ended; sign in again.</translation>
    </message>
    <message>
        <source>Gebruiker {user} bestaat niet.</source>
        <translation>User {user} does not exist.</translation>
    </message>
    <message>
        <source>Deze gebruiker</source>
        <translation>This user</translation>
    </message>
    <message>
        <source>{user} is de enige beheerder; maak eerst een andere beheerder aan.</source>
        <translation>{user} is the only administrator; create another administrator first.</translation>
    </message>
    <message>
        <source>Een partnergebruiker hoort bij een organisatie: kies er een.</source>
        <translation>A partner user belongs to an organisation: choose one.</translation>
    </message>
    <message>
        <source>Onbekende organisatie &apos;{name}&apos;.</source>
        <translation>Unknown organisation &apos;{name}&apos;.</translation>
    </message>
    <message>
        <source>U kunt uw eigen account niet uitschakelen.</source>
        <translation>You cannot deactivate your own account.</translation>
    </message>
    <message>
        <source>{user} is de enige beheerder en blijft actief.</source>
        <translation>{user} is the only administrator and stays active.</translation>
    </message>
    <message>
        <source>Uw organisatie neemt niet deel aan dit huisbezoek.</source>
        <translation>Your organisation does not take part in this home visit.</translation>
    </message>
    <message>
        <source>Dit huisbezoek hoort niet bij uw gebieden of uw organisatie.</source>
        <translation>This home visit belongs neither to your areas nor to your organisation.</translation>
    </message>
    <message>
        <source>Dit huisbezoek</source>
        <translation>This home visit</translation>
    </message>
    <message>
        <source>Het begin {start} ligt in het verleden. Plan het huisbezoek na {now}.</source>
        <translation>The start {start} is in the past. Plan the home visit after {now}.</translation>
    </message>
    <message>
        <source>Het einde {end} ligt niet na het begin {start}. Kies een later eindtijdstip.</source>
        <translation>The end {end} is not after the start {start}. Choose a later end time.</translation>
    </message>
    <message>
        <source>Kies ten minste één partnerorganisatie die het huisbezoek aflegt.</source>
        <translation>Choose at least one partner organisation that makes the home visit.</translation>
    </message>
    <message>
        <source>Een gezamenlijk huisbezoek heeft ten minste twee partners. Voeg een partner toe of maak er een gewoon huisbezoek van.</source>
        <translation>A joint home visit has at least two partners. Add a partner or make it an ordinary home visit.</translation>
    </message>
    <message>
        <source>Het huisbezoek heeft geen adres: vul postcode en huisnummer in.</source>
        <translation>The home visit has no address: fill in postcode and house number.</translation>
    </message>
    <message>
        <source>Het huisbezoek heeft geen geldig huisnummer: vul een positief getal in.</source>
        <translation>The home visit has no valid house number: fill in a positive number.</translation>
    </message>
    <message>
        <source>dubbele boeking bevestigd</source>
        <translation>double booking confirmed</translation>
    </message>
    <message>
        <source>Casus {ref} is afgesloten; heropen haar eerst om een huisbezoek te plannen.</source>
        <translation>Case {ref} is closed; reopen it first to plan a home visit.</translation>
    </message>
    <message>
        <source>Geef het doel van het huisbezoek.</source>
        <translation>Give the purpose of the home visit.</translation>
    </message>
    <message>
        <source>De gekozen actie hoort niet bij casus {ref}.</source>
        <translation>The chosen action does not belong to case {ref}.</translation>
    </message>
    <message>
        <source>Onbekende uitkomst &apos;{value}&apos;. Kies uit: {options}.</source>
        <translation>Unknown outcome &apos;{value}&apos;. Choose from: {options}.</translation>
    </message>
    <message>
        <source>Het huisbezoek is gepland op {start}; leg de uitkomst vast als het bezoek is geweest.</source>
        <translation>The home visit is planned for {start}; record the outcome once the visit has taken place.</translation>
    </message>
    <message>
        <source>Beschrijf kort hoe het huisbezoek ging: de aantekeningen zijn verplicht.</source>
        <translation>Briefly describe how the home visit went: the notes are required.</translation>
    </message>
    <message>
        <source>De aantekeningen zijn te lang ({n} tekens); maximaal {max}.</source>
        <translation>The notes are too long ({n} characters); at most {max}.</translation>
    </message>
    <message>
        <source>Verplaats een gepland huisbezoek in plaats van het opnieuw te plannen.</source>
        <translation>Move a planned home visit instead of planning it again.</translation>
    </message>
    <message>
        <source>Plan zo nodig een nieuw huisbezoek.</source>
        <translation>Plan a new home visit if needed.</translation>
    </message>
    <message>
        <source>Een huisbezoek met status &apos;{status}&apos; wordt niet opnieuw gepland.</source>
        <translation>A home visit with status &apos;{status}&apos; is not planned again.</translation>
    </message>
    <message>
        <source>Voor dit huisbezoek is al een nieuw bezoek gepland; verplaats dat bezoek.</source>
        <translation>A new visit has already been planned for this home visit; move that visit.</translation>
    </message>
    <message>
        <source>Dit huisbezoek hoort bij geen casus.</source>
        <translation>This home visit belongs to no case.</translation>
    </message>
    <message>
        <source>Alleen een gepland huisbezoek kan verplaatst worden; dit is &apos;{status}&apos;.</source>
        <translation>Only a planned home visit can be moved; this one is &apos;{status}&apos;.</translation>
    </message>
    <message>
        <source>Geef een reden waarom het huisbezoek vervalt.</source>
        <translation>Give a reason why the home visit lapses.</translation>
    </message>
    <message>
        <source>Acuut: direct naar de coördinator</source>
        <translation>Acute: straight to the coordinator</translation>
    </message>
    <message>
        <source>Naar de coördinator gerouteerd</source>
        <translation>Routed to the coordinator</translation>
    </message>
    <message>
        <source>Nieuw, nog niet gerouteerd</source>
        <translation>New, not routed yet</translation>
    </message>
    <message>
        <source>Postcode buiten de tabel: gemeente onbekend</source>
        <translation>Postcode not in the table: municipality unknown</translation>
    </message>
    <message>
        <source>Signaal {ref}: {category}, {place}</source>
        <translation>Signal {ref}: {category}, {place}</translation>
    </message>
    <message>
        <source>Actie {ref}: {type} door {owner} (casus {case})</source>
        <translation>Action {ref}: {type} by {owner} (case {case})</translation>
    </message>
    <message>
        <source>Evaluatie casus {ref} (risico {risk})</source>
        <translation>Case review {ref} (risk {risk})</translation>
    </message>
    <message>
        <source>{kind} {place} van {day}: uitkomst vastleggen (casus {case})</source>
        <translation>{kind} {place} of {day}: record the outcome (case {case})</translation>
    </message>
    <message>
        <source>{kind} {place} om {time} (casus {case})</source>
        <translation>{kind} {place} at {time} (case {case})</translation>
    </message>
    <message>
        <source>Nieuwjaarsdag</source>
        <translation>New Year&apos;s Day</translation>
    </message>
    <message>
        <source>Goede Vrijdag</source>
        <translation>Good Friday</translation>
    </message>
    <message>
        <source>Eerste Paasdag</source>
        <translation>Easter Sunday</translation>
    </message>
    <message>
        <source>Tweede Paasdag</source>
        <translation>Easter Monday</translation>
    </message>
    <message>
        <source>Koningsdag</source>
        <translation>King&apos;s Day</translation>
    </message>
    <message>
        <source>Bevrijdingsdag</source>
        <translation>Liberation Day</translation>
    </message>
    <message>
        <source>Hemelvaartsdag</source>
        <translation>Ascension Day</translation>
    </message>
    <message>
        <source>Eerste Pinksterdag</source>
        <translation>Whit Sunday</translation>
    </message>
    <message>
        <source>Tweede Pinksterdag</source>
        <translation>Whit Monday</translation>
    </message>
    <message>
        <source>Eerste Kerstdag</source>
        <translation>Christmas Day</translation>
    </message>
    <message>
        <source>Tweede Kerstdag</source>
        <translation>Boxing Day</translation>
    </message>
    <message>
        <source>Onbekende status &apos;{status}&apos; voor een {kind}; mogelijk: {options}.</source>
        <translation>Unknown status &apos;{status}&apos; for a {kind}; possible: {options}.</translation>
    </message>
    <message>
        <source>De status is al &apos;{status}&apos;.</source>
        <translation>The status is already &apos;{status}&apos;.</translation>
    </message>
    <message>
        <source>Een {kind} kan niet van &apos;{old}&apos; naar &apos;{new}&apos;.</source>
        <translation>A {kind} cannot go from &apos;{old}&apos; to &apos;{new}&apos;.</translation>
    </message>
    <message>
        <source>Toegestaan vanuit &apos;{old}&apos;: {options}.</source>
        <translation>Allowed from &apos;{old}&apos;: {options}.</translation>
    </message>
    <message>
        <source>&apos;{old}&apos; is een eindstatus; er is geen volgende status.</source>
        <translation>&apos;{old}&apos; is a final status; there is no next status.</translation>
    </message>
    <message>
        <source>{path} is een map. Geef een bestandsnaam op, zoals {path}/rapport.pdf.</source>
        <translation>{path} is a folder. Give a file name, such as {path}/rapport.pdf.</translation>
    </message>
    <message>
        <source>De map {folder} bestaat niet. Kies een bestaande map voor het PDF-bestand.</source>
        <translation>The folder {folder} does not exist. Choose an existing folder for the PDF file.</translation>
    </message>
    <message>
        <source>Geen schrijfrechten in de map {folder}. Kies een andere map.</source>
        <translation>No permission to write in the folder {folder}. Choose another folder.</translation>
    </message>
    <message>
        <source>{path} is alleen-lezen. Kies een andere bestandsnaam.</source>
        <translation>{path} is read-only. Choose another file name.</translation>
    </message>
    <message>
        <source>Buurtschouw {area}, {day}</source>
        <translation>Neighbourhood walk {area}, {day}</translation>
    </message>
    <message>
        <source>Checklist heel, schoon, veilig en CPTED</source>
        <translation>Checklist intact, clean, safe and CPTED</translation>
    </message>
    <message>
        <source>Vink per punt aan wat u aantreft; noteer bijzonderheden met de plek in de tabel met bevindingen.</source>
        <translation>Tick for each item what you find; note particulars with the place in the table of findings.</translation>
    </message>
    <message>
        <source>In orde</source>
        <translation>In order</translation>
    </message>
    <message>
        <source>Aandacht nodig</source>
        <translation>Needs attention</translation>
    </message>
    <message>
        <source>Opmerking</source>
        <translation>Remark</translation>
    </message>
    <message>
        <source>Nr.</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Plek (straat, huisnummer of omschrijving)</source>
        <translation>Place (street, house number or description)</translation>
    </message>
    <message>
        <source>Checklistpunt</source>
        <translation>Checklist item</translation>
    </message>
    <message>
        <source>Bevinding</source>
        <translation>Finding</translation>
    </message>
    <message>
        <source>Signaal maken?</source>
        <translation>Make a signal?</translation>
    </message>
    <message>
        <source>Bevindingen</source>
        <translation>Findings</translation>
    </message>
    <message>
        <source>Na afloop voert de wijkagent of coördinator de bevindingen in; elke bevinding met een vinkje wordt een signaal met bron buurtschouw.</source>
        <translation>Afterwards the neighbourhood officer or coordinator enters the findings; every ticked finding becomes a signal with source neighbourhood walk.</translation>
    </message>
    <message>
        <source>Voorbereiding van de buurtschouw: route, openstaande signalen, checklist en bevindingen.</source>
        <translation>Preparation of the neighbourhood walk: route, open signals, checklist and findings.</translation>
    </message>
    <message>
        <source>Focusgebied</source>
        <translation>Focus area</translation>
    </message>
    <message>
        <source>Datum</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Open signalen</source>
        <translation>Open signals</translation>
    </message>
    <message>
        <source>Deelnemers</source>
        <translation>Participants</translation>
    </message>
    <message>
        <source>Verzamelpunt</source>
        <translation>Meeting point</translation>
    </message>
    <message>
        <source>Geen route vastgelegd: voorstel op basis van de straten met de meeste open signalen.</source>
        <translation>No route recorded: suggestion based on the streets with the most open signals.</translation>
    </message>
    <message>
        <source>Route zoals vastgelegd bij het plannen van de buurtschouw.</source>
        <translation>Route as recorded when the neighbourhood walk was planned.</translation>
    </message>
    <message>
        <source>Route</source>
        <translation>Route</translation>
    </message>
    <message>
        <source>Straat</source>
        <translation>Street</translation>
    </message>
    <message>
        <source>Geen route vastgelegd en geen open signalen in dit gebied: bepaal de route ter plekke en noteer de straten hieronder.</source>
        <translation>No route recorded and no open signals in this area: decide the route on the spot and note the streets below.</translation>
    </message>
    <message>
        <source>Openstaande signalen per straat</source>
        <translation>Open signals per street</translation>
    </message>
    <message>
        <source>Alleen signalen over de fysieke leefomgeving, zonder namen en huisnummers; signalen over zorgen achter de voordeur staan nooit in dit pakket.</source>
        <translation>Only signals about the physical environment, without names and house numbers; signals about concerns behind the front door are never in this pack.</translation>
    </message>
    <message>
        <source>Categorie</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Aantal</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Meest recent ontvangen</source>
        <translation>Most recently received</translation>
    </message>
    <message>
        <source>Geen openstaande signalen in dit gebied.</source>
        <translation>No open signals in this area.</translation>
    </message>
    <message>
        <source>Casusoverzicht {ref} (gepseudonimiseerd)</source>
        <translation>Case summary {ref} (pseudonymised)</translation>
    </message>
    <message>
        <source>Casusoverzicht {ref}</source>
        <translation>Case summary {ref}</translation>
    </message>
    <message>
        <source>Gepseudonimiseerd: betrokkenen met initialen, zonder omschrijvingen, besluitteksten en exacte adres. Alleen voor de hoofdlijn.</source>
        <translation>Pseudonymised: persons involved by initials, without descriptions, decision texts and exact address. For the main line only.</translation>
    </message>
    <message>
        <source>Alleen voor wie bij deze casus betrokken is. Niet verder verspreiden.</source>
        <translation>Only for those involved in this case. Do not distribute further.</translation>
    </message>
    <message>
        <source>(verstreken)</source>
        <translation>(passed)</translation>
    </message>
    <message>
        <source>Casus</source>
        <translation>Case</translation>
    </message>
    <message>
        <source>Adres</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Gebied (PC4)</source>
        <translation>Area (PC4)</translation>
    </message>
    <message>
        <source>Risiconiveau</source>
        <translation>Risk level</translation>
    </message>
    <message>
        <source>geen focusgebied</source>
        <translation>no focus area</translation>
    </message>
    <message>
        <source>Casusregisseur</source>
        <translation>Case manager</translation>
    </message>
    <message>
        <source>nog niet aangewezen</source>
        <translation>not appointed yet</translation>
    </message>
    <message>
        <source>Volgende evaluatie</source>
        <translation>Next review</translation>
    </message>
    <message>
        <source>Geopend</source>
        <translation>Opened</translation>
    </message>
    <message>
        <source>nee</source>
        <translation>no</translation>
    </message>
    <message>
        <source>Samenvatting</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>Initialen</source>
        <translation>Initials</translation>
    </message>
    <message>
        <source>Rol</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Geen betrokkenen vastgelegd.</source>
        <translation>No persons involved recorded.</translation>
    </message>
    <message>
        <source>Naam</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Geboortejaar</source>
        <translation>Birth year</translation>
    </message>
    <message>
        <source>Betrokkenen</source>
        <translation>Persons involved</translation>
    </message>
    <message>
        <source>Bron</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Korte omschrijving</source>
        <translation>Short description</translation>
    </message>
    <message>
        <source>Tijdlijn van signalen ({n})</source>
        <translation>Timeline of signals ({n})</translation>
    </message>
    <message>
        <source>Geen signalen gekoppeld.</source>
        <translation>No signals linked.</translation>
    </message>
    <message>
        <source>Besluiten uit overleggen</source>
        <translation>Decisions from meetings</translation>
    </message>
    <message>
        <source>Soort</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Besluit</source>
        <translation>Decision</translation>
    </message>
    <message>
        <source>(vastgelegd; tekst niet getoond)</source>
        <translation>(recorded; text not shown)</translation>
    </message>
    <message>
        <source>Nog geen besluiten.</source>
        <translation>No decisions yet.</translation>
    </message>
    <message>
        <source>Acties</source>
        <translation>Actions</translation>
    </message>
    <message>
        <source>Eigenaar</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>over de termijn</source>
        <translation>past its term</translation>
    </message>
    <message>
        <source>Geen acties.</source>
        <translation>No actions.</translation>
    </message>
    <message>
        <source>Partners</source>
        <translation>Partners</translation>
    </message>
    <message>
        <source>Uitkomst</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>Doel en verslag</source>
        <translation>Purpose and report</translation>
    </message>
    <message>
        <source>(gezamenlijk)</source>
        <translation>(joint)</translation>
    </message>
    <message>
        <source>Huisbezoeken</source>
        <translation>Home visits</translation>
    </message>
    <message>
        <source>Geen huisbezoeken.</source>
        <translation>No home visits.</translation>
    </message>
    <message>
        <source>Naar</source>
        <translation>To</translation>
    </message>
    <message>
        <source>Sinds</source>
        <translation>Since</translation>
    </message>
    <message>
        <source>Toelichting</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Kenmerk: {ref}</source>
        <translation>Reference: {ref}</translation>
    </message>
    <message>
        <source>Niet opgeschaald.</source>
        <translation>Not escalated.</translation>
    </message>
    <message>
        <source>ZVH-criteria vastgelegd: {list}.</source>
        <translation>ZVH criteria recorded: {list}.</translation>
    </message>
    <message>
        <source>ZVH-criteria: geen vastgelegd.</source>
        <translation>ZVH criteria: none recorded.</translation>
    </message>
    <message>
        <source>dagen</source>
        <translation>days</translation>
    </message>
    <message>
        <source>Afgedrukt door {name} ({user}) op {day} om {time}</source>
        <translation>Printed by {name} ({user}) on {day} at {time}</translation>
    </message>
    <message>
        <source>Auditketen bij afdruk: regel {n}, kenmerk {hash}</source>
        <translation>Audit chain when printed: row {n}, fingerprint {hash}</translation>
    </message>
    <message>
        <source>pagina {page} van {total}</source>
        <translation>page {page} of {total}</translation>
    </message>
    <message>
        <source>Vertrouwelijk</source>
        <translation>Confidential</translation>
    </message>
    <message>
        <source>Managementrapportage {period}, {area}</source>
        <translation>Management report {period}, {area}</translation>
    </message>
    <message>
        <source>Totaal</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Aantal signalen per maand</source>
        <translation>Number of signals per month</translation>
    </message>
    <message>
        <source>Norm: inwoners / {n}</source>
        <translation>Norm: residents / {n}</translation>
    </message>
    <message>
        <source>Ingezet (fte wijkagent)</source>
        <translation>Deployed (FTE neighbourhood officer)</translation>
    </message>
    <message>
        <source>alle focusgebieden (Parkstad)</source>
        <translation>all focus areas (Parkstad)</translation>
    </message>
    <message>
        <source>Managementrapportage {period}</source>
        <translation>Management report {period}</translation>
    </message>
    <message>
        <source>Periode</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>Gebied</source>
        <translation>Area</translation>
    </message>
    <message>
        <source>Stand tot en met</source>
        <translation>Up to and including</translation>
    </message>
    <message>
        <source>Signalen</source>
        <translation>Signals</translation>
    </message>
    <message>
        <source>Nieuwe casussen</source>
        <translation>New cases</translation>
    </message>
    <message>
        <source>Behandelduur mediaan</source>
        <translation>Handling time median</translation>
    </message>
    <message>
        <source>Behandelduur 90e perc.</source>
        <translation>Handling time 90th perc.</translation>
    </message>
    <message>
        <source>Huisbezoeken uitgevoerd</source>
        <translation>Home visits done</translation>
    </message>
    <message>
        <source>Acties te laat of over termijn</source>
        <translation>Actions late or past their term</translation>
    </message>
    <message>
        <source>Dit rapport bevat geen persoonsgegevens: geen namen, adressen of omschrijvingen. Aantallen van 1 tot en met 4 staan als &apos;&lt;5&apos;; &apos;{x}&apos; betekent afgeschermd, zodat een klein aantal niet uit het totaal kan worden teruggerekend.</source>
        <translation>This report contains no personal data: no names, addresses or descriptions. Numbers from 1 to 4 are shown as &apos;&lt;5&apos;; &apos;{x}&apos; means suppressed, so that a small number cannot be worked out from the total.</translation>
    </message>
    <message>
        <source>De periode loopt nog: de cijfers gaan tot en met {day}.</source>
        <translation>The period is still running: the figures go up to and including {day}.</translation>
    </message>
    <message>
        <source>Er zijn in deze periode geen gegevens voor {area}: geen signalen, casussen, acties, huisbezoeken of opschalingen.</source>
        <translation>There is no data for {area} in this period: no signals, cases, actions, home visits or escalations.</translation>
    </message>
    <message>
        <source>Signalen per maand</source>
        <translation>Signals per month</translation>
    </message>
    <message>
        <source>De twaalf maanden tot en met het einde van de periode. Maanden met 1 tot en met 4 signalen zijn afgeschermd en ontbreken in de lijn.</source>
        <translation>The twelve months up to and including the end of the period. Months with 1 to 4 signals are suppressed and missing from the line.</translation>
    </message>
    <message>
        <source>Signalen naar bron</source>
        <translation>Signals by source</translation>
    </message>
    <message>
        <source>Signalen naar categorie</source>
        <translation>Signals by category</translation>
    </message>
    <message>
        <source>Casussen en behandelduur</source>
        <translation>Cases and handling time</translation>
    </message>
    <message>
        <source>Kengetal</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <source>Waarde</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>Signalen afgehandeld in de periode</source>
        <translation>Signals handled in the period</translation>
    </message>
    <message>
        <source>Behandelduur, mediaan</source>
        <translation>Handling time, median</translation>
    </message>
    <message>
        <source>te weinig (&lt;5)</source>
        <translation>too few (&lt;5)</translation>
    </message>
    <message>
        <source>Behandelduur, 90e percentiel</source>
        <translation>Handling time, 90th percentile</translation>
    </message>
    <message>
        <source>Behandelduur: de tijd van ontvangst van een signaal tot het afsluiten van de casus waaraan het gekoppeld is, of, voor een signaal zonder casus, tot het moment dat het signaal op &apos;afgehandeld&apos; is gezet. Geteld over de signalen waarvan de behandeling in deze periode eindigde. Mediaan: de middelste waarde; 90e percentiel: 90% van de signalen was binnen deze tijd afgehandeld.</source>
        <translation>Handling time: the time from receiving a signal to closing the case it is linked to or, for a signal without a case, to the moment the signal was set to &apos;handled&apos;. Counted over the signals whose handling ended in this period. Median: the middle value; 90th percentile: 90% of the signals were handled within this time.</translation>
    </message>
    <message>
        <source>Acties met een deadline in de periode</source>
        <translation>Actions with a deadline in the period</translation>
    </message>
    <message>
        <source>Totaal (zonder vervallen acties)</source>
        <translation>Total (without lapsed actions)</translation>
    </message>
    <message>
        <source>Op tijd afgerond</source>
        <translation>Completed on time</translation>
    </message>
    <message>
        <source>Te laat afgerond</source>
        <translation>Completed late</translation>
    </message>
    <message>
        <source>Nog open en over de termijn (stand {day})</source>
        <translation>Still open and past their term (as of {day})</translation>
    </message>
    <message>
        <source>Uitkomst (gepland in de periode)</source>
        <translation>Outcome (planned in the period)</translation>
    </message>
    <message>
        <source>Opschalingen naar doel</source>
        <translation>Escalations by target</translation>
    </message>
    <message>
        <source>Opgeschaald naar</source>
        <translation>Escalated to</translation>
    </message>
    <message>
        <source>Focusgebieden en de wijkagentnorm</source>
        <translation>Focus areas and the neighbourhood officer norm</translation>
    </message>
    <message>
        <source>Inwoners</source>
        <translation>Residents</translation>
    </message>
    <message>
        <source>Norm (fte)</source>
        <translation>Norm (FTE)</translation>
    </message>
    <message>
        <source>Ingezet (fte)</source>
        <translation>Deployed (FTE)</translation>
    </message>
    <message>
        <source>Verschil</source>
        <translation>Difference</translation>
    </message>
    <message>
        <source>Wettelijke norm: één wijkagent per {n} inwoners; norm = inwoners / {n}. Ingezet = vastgelegde fte wijkagent per focusgebied (beheer). Een negatief verschil is een tekort.</source>
        <translation>Legal norm: one neighbourhood officer per {n} residents; norm = residents / {n}. Deployed = recorded FTE of neighbourhood officers per focus area (Administration). A negative difference is a shortage.</translation>
    </message>
    <message>
        <source>Bij een focusgebied met 0 fte is de inzet nog niet vastgelegd.</source>
        <translation>For a focus area with 0 FTE the deployment has not been recorded yet.</translation>
    </message>
    <message>
        <source>Verslag</source>
        <translation>Minutes</translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation>Agenda</translation>
    </message>
    <message>
        <source>{kind} {type}, {area}, {day}</source>
        <translation>{kind} {type}, {area}, {day}</translation>
    </message>
    <message>
        <source>{pos}. {subject}: {address}</source>
        <translation>{pos}. {subject}: {address}</translation>
    </message>
    <message>
        <source>(geen casus)</source>
        <translation>(no case)</translation>
    </message>
    <message>
        <source>Reden: {reason}</source>
        <translation>Reason: {reason}</translation>
    </message>
    <message>
        <source>Categorieën: {list}</source>
        <translation>Categories: {list}</translation>
    </message>
    <message>
        <source>Risico: {level}</source>
        <translation>Risk: {level}</translation>
    </message>
    <message>
        <source>Besluit: {text}</source>
        <translation>Decision: {text}</translation>
    </message>
    <message>
        <source>geen besluit vastgelegd</source>
        <translation>no decision recorded</translation>
    </message>
    <message>
        <source>Geen acties afgesproken.</source>
        <translation>No actions agreed.</translation>
    </message>
    <message>
        <source>Besluit en acties: </source>
        <translation>Decision and actions: </translation>
    </message>
    <message>
        <source>Exemplaar voor {partner}: de punten van dit overleg zoals uw organisatie ze in Sociaal Veilig ziet.</source>
        <translation>Copy for {partner}: the items of this meeting as your organisation sees them in Sociaal Veilig.</translation>
    </message>
    <message>
        <source>Volledig exemplaar voor de voorzitter en de coördinator.</source>
        <translation>Full copy for the chair and the coordinator.</translation>
    </message>
    <message>
        <source>Datum en tijd</source>
        <translation>Date and time</translation>
    </message>
    <message>
        <source>Locatie</source>
        <translation>Location</translation>
    </message>
    <message>
        <source>Punten</source>
        <translation>Items</translation>
    </message>
    <message>
        <source>Besproken casussen en signalen</source>
        <translation>Cases and signals discussed</translation>
    </message>
    <message>
        <source>Agendapunten</source>
        <translation>Agenda items</translation>
    </message>
    <message>
        <source>Geen punten op deze agenda.</source>
        <translation>No items on this agenda.</translation>
    </message>
    <message>
        <source>Geen punten voor uw organisatie in dit overleg.</source>
        <translation>No items for your organisation in this meeting.</translation>
    </message>
    <message>
        <source>Actielijst</source>
        <translation>Action list</translation>
    </message>
    <message>
        <source>Punt</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Inzage AVG art. 15 – {ref}</source>
        <translation>Access request GDPR art. 15 – {ref}</translation>
    </message>
    <message>
        <source>Opgesteld op {day}</source>
        <translation>Drawn up on {day}</translation>
    </message>
    <message>
        <source>Uw gegevens (AVG artikel 15)</source>
        <translation>Your data (GDPR article 15)</translation>
    </message>
    <message>
        <source>Signaal {ref}, ontvangen {at}</source>
        <translation>Signal {ref}, received {at}</translation>
    </message>
    <message>
        <source>Organisatie</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Urgentie</source>
        <translation>Urgency</translation>
    </message>
    <message>
        <source>Uw rol</source>
        <translation>Your role</translation>
    </message>
    <message>
        <source>Melder</source>
        <translation>Reporter</translation>
    </message>
    <message>
        <source>Omschrijving:</source>
        <translation>Description:</translation>
    </message>
    <message>
        <source>(weggelaten: gaat ook over anderen)</source>
        <translation>(left out: also about others)</translation>
    </message>
    <message>
        <source>Casus {ref}</source>
        <translation>Case {ref}</translation>
    </message>
    <message>
        <source>Risico</source>
        <translation>Risk</translation>
    </message>
    <message>
        <source>Deze casus gaat ook over anderen. Samenvatting, beschrijvingen en besluiten zijn daarom weggelaten.</source>
        <translation>This case is also about others. Summary, descriptions and decisions have therefore been left out.</translation>
    </message>
    <message>
        <source>Samenvatting:</source>
        <translation>Summary:</translation>
    </message>
    <message>
        <source>De casus bevat daarnaast {n} signaal/signalen die niet over u gaan.</source>
        <translation>The case also contains {n} signal(s) that are not about you.</translation>
    </message>
    <message>
        <source>Kenmerk</source>
        <translation>Reference</translation>
    </message>
    <message>
        <source>Uitvoerder</source>
        <translation>Carried out by</translation>
    </message>
    <message>
        <source>Beschrijving</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Doel</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <source>Opschalingen</source>
        <translation>Escalations</translation>
    </message>
    <message>
        <source>Reden</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Besproken in overleg</source>
        <translation>Discussed in meeting</translation>
    </message>
    <message>
        <source>Uw gegevens bij Sociaal Veilig Parkstad</source>
        <translation>Your data at Sociaal Veilig Parkstad</translation>
    </message>
    <message>
        <source>Overzicht op grond van artikel 15 AVG, opgesteld op {day}.</source>
        <translation>Overview under article 15 GDPR, drawn up on {day}.</translation>
    </message>
    <message>
        <source>Referentie</source>
        <translation>Reference</translation>
    </message>
    <message>
        <source>Vastgelegd op</source>
        <translation>Recorded on</translation>
    </message>
    <message>
        <source>Signalen over u ({n})</source>
        <translation>Signals about you ({n})</translation>
    </message>
    <message>
        <source>Er zijn geen signalen over u vastgelegd.</source>
        <translation>No signals about you have been recorded.</translation>
    </message>
    <message>
        <source>Casussen waarbij u betrokken bent ({n})</source>
        <translation>Cases you are involved in ({n})</translation>
    </message>
    <message>
        <source>U bent bij geen casus betrokken.</source>
        <translation>You are not involved in any case.</translation>
    </message>
    <message>
        <source>Wie uw gegevens heeft ingezien of gewijzigd ({n})</source>
        <translation>Who viewed or changed your data ({n})</translation>
    </message>
    <message>
        <source>Wanneer</source>
        <translation>When</translation>
    </message>
    <message>
        <source>Wat</source>
        <translation>What</translation>
    </message>
    <message>
        <source>Betreft</source>
        <translation>Concerns</translation>
    </message>
    <message>
        <source>Niemand heeft uw gegevens ingezien.</source>
        <translation>No one has viewed your data.</translation>
    </message>
    <message>
        <source>Opslag in orde: integriteit, versleuteling en auditketen ({n} regels).</source>
        <translation>Store in order: integrity, encryption and audit chain ({n} rows).</translation>
    </message>
    <message>
        <source>De opslag is beschadigd of gemanipuleerd: {first}. Herstel uit een back-up.</source>
        <translation>The store is damaged or has been tampered with: {first}. Restore from a backup.</translation>
    </message>
    <message>
        <source>versleuteling: {detail}</source>
        <translation>encryption: {detail}</translation>
    </message>
    <message>
        <source>integriteit: {detail}</source>
        <translation>integrity: {detail}</translation>
    </message>
    <message>
        <source>{n} verwijzing(en) naar ontbrekende records</source>
        <translation>{n} reference(s) to missing records</translation>
    </message>
    <message>
        <source>databasepagina onleesbaar ({detail})</source>
        <translation>database page unreadable ({detail})</translation>
    </message>
    <message>
        <source>{n} rij(en) in {table} verwijzen naar ontbrekende rijen in {parent}</source>
        <translation>{n} row(s) in {table} refer to missing rows in {parent}</translation>
    </message>
    <message>
        <source>beperking {name} is niet gecontroleerd</source>
        <translation>constraint {name} has not been validated</translation>
    </message>
    <message>
        <source>de beveiliging tegen wijzigen {name} ontbreekt of staat uit</source>
        <translation>the protection against changes {name} is missing or disabled</translation>
    </message>
    <message>
        <source>teller {name} staat op {value}, maar nummer {used} is al uitgegeven</source>
        <translation>counter {name} is at {value}, but number {used} has already been issued</translation>
    </message>
    <message>
        <source>het schema staat op revisie {found}, dit programma verwacht {head}</source>
        <translation>the schema is at revision {found}, this program expects {head}</translation>
    </message>
    <message>
        <source>auditketen gebroken bij regel {id} ({reason})</source>
        <translation>audit chain broken at row {id} ({reason})</translation>
    </message>
    <message>
        <source>auditlog onleesbaar ({detail})</source>
        <translation>audit log unreadable ({detail})</translation>
    </message>
    <message>
        <source>{path} is een map; geef een bestandsnaam voor de back-up.</source>
        <translation>{path} is a folder; give a file name for the backup.</translation>
    </message>
    <message>
        <source>{path} bestaat al; er is niets overschreven. Kies een nieuwe naam of gebruik --force.</source>
        <translation>{path} already exists; nothing was overwritten. Choose a new name or use --force.</translation>
    </message>
    <message>
        <source>{path} ligt in de datamap van de PostgreSQL-server ({folder}). Kies een map daarbuiten.</source>
        <translation>{path} lies in the PostgreSQL server&apos;s data directory ({folder}). Choose a folder outside it.</translation>
    </message>
    <message>
        <source>De map {folder} bestaat niet. Kies een bestaande map.</source>
        <translation>The folder {folder} does not exist. Choose an existing folder.</translation>
    </message>
    <message>
        <source>De back-up bevat geen auditlog; het is geen back-up van een heel centrum.</source>
        <translation>The backup holds no audit log; it is not a backup of a whole centre.</translation>
    </message>
    <message>
        <source>Dit is gemaakt door een nieuwere versie van het programma (schemarevisie {revision}); er is niets gewijzigd. Installeer die versie of een nieuwere.</source>
        <translation>This was made by a newer version of the program (schema revision {revision}); nothing was changed. Install that version or a newer one.</translation>
    </message>
    <message>
        <source>{path} is geen bestand. Geef het back-upbestand op.</source>
        <translation>{path} is not a file. Give the backup file.</translation>
    </message>
    <message>
        <source>De database is niet leeg; er is niets teruggezet. Zet een back-up alleen terug in een lege database (createdb).</source>
        <translation>The database is not empty; nothing was restored. Restore a backup only into an empty database (createdb).</translation>
    </message>
    <message>
        <source>De teruggezette database klopt niet: {first}. Maak de database leeg en gebruik een andere back-up.</source>
        <translation>The restored database is not right: {first}. Empty the database and use another backup.</translation>
    </message>
    <message>
        <source>De database is leeg; er is niets bijgewerkt. Richt een nieuw centrum in met &apos;sociaalveilig-server init&apos;.</source>
        <translation>The database is empty; nothing was upgraded. Set up a new centre with &apos;sociaalveilig-server init&apos;.</translation>
    </message>
    <message>
        <source>De back-up kon niet worden gecontroleerd: {problem}. De opslag zelf is mogelijk beschadigd; voer &apos;verify&apos; uit.</source>
        <translation>The backup could not be verified: {problem}. The store itself may be damaged; run &apos;verify&apos;.</translation>
    </message>
    <message>
        <source>De back-up {path} is beschadigd of geen Sociaal Veilig-back-up.</source>
        <translation>The backup {path} is damaged or not a Sociaal Veilig backup.</translation>
    </message>
    <message>
        <source>De back-up is beschadigd: {name} klopt niet met het manifest.</source>
        <translation>The backup is damaged: {name} does not match the manifest.</translation>
    </message>
    <message>
        <source>Back-upbestand {path} bestaat niet.</source>
        <translation>Backup file {path} does not exist.</translation>
    </message>
    <message>
        <source>De doelmap {path} bestaat al en is niet leeg. Kies een nieuwe map.</source>
        <translation>The target folder {path} already exists and is not empty. Choose a new folder.</translation>
    </message>
    <message>
        <source>De map {folder} bestaat niet.</source>
        <translation>The folder {folder} does not exist.</translation>
    </message>
    <message>
        <source>De back-up heeft meerdere gebruikers: geef --user NAAM op.</source>
        <translation>The backup has several users: give --user NAME.</translation>
    </message>
    <message>
        <source>De back-up is beschadigd: {problem}.</source>
        <translation>The backup is damaged: {problem}.</translation>
    </message>
    <message>
        <source>De back-up is beschadigd of gemanipuleerd: het auditanker past niet bij de database erin. Gebruik een andere back-up.</source>
        <translation>The backup is damaged or has been tampered with: the audit anchor does not match the database in it. Use another backup.</translation>
    </message>
    <message>
        <source>Het databasebestand is beschadigd of geen Sociaal Veilig-opslag. Herstel de opslag uit een back-up.</source>
        <translation>The database file is damaged or not a Sociaal Veilig store. Restore the store from a backup.</translation>
    </message>
    <message>
        <source>De database is niet versleuteld geopend (geen SQLCipher).</source>
        <translation>The database was not opened encrypted (no SQLCipher).</translation>
    </message>
    <message>
        <source>De schijf is vol; er is niets gewijzigd. Maak ruimte vrij en probeer opnieuw.</source>
        <translation>The disk is full; nothing has been changed. Free up space and try again.</translation>
    </message>
    <message>
        <source>De wijziging botst met wat al is opgeslagen (bijvoorbeeld iets dat al bestaat); er is niets gewijzigd. Controleer de invoer en probeer het opnieuw.</source>
        <translation>The change clashes with what is already stored (for example something that already exists); nothing has been changed. Check the input and try again.</translation>
    </message>
    <message>
        <source>De opslag is bezet door een ander programma. Probeer het zo opnieuw.</source>
        <translation>The store is in use by another program. Try again in a moment.</translation>
    </message>
    <message>
        <source>De opslag is alleen-lezen; er is niets gewijzigd. Controleer de rechten.</source>
        <translation>The store is read-only; nothing has been changed. Check the permissions.</translation>
    </message>
    <message>
        <source>De database is beschadigd of gemanipuleerd. Herstel de opslag uit een back-up.</source>
        <translation>The database is damaged or has been tampered with. Restore the store from a backup.</translation>
    </message>
    <message>
        <source>Iemand anders wijzigde dit tegelijk; probeer het opnieuw.</source>
        <translation>Someone else changed this at the same time; please try again.</translation>
    </message>
    <message>
        <source>De database van het centrum is niet bereikbaar; er is niets gewijzigd. Controleer de verbinding of vraag de beheerder of de server draait.</source>
        <translation>The centre&apos;s database cannot be reached; nothing was changed. Check the connection or ask the administrator whether the server is running.</translation>
    </message>
    <message>
        <source>De database van het centrum is bezet; er is niets gewijzigd. Probeer het zo opnieuw.</source>
        <translation>The centre&apos;s database is busy; nothing was changed. Try again in a moment.</translation>
    </message>
    <message>
        <source>Een waarde past niet in de database (te lang of van de verkeerde soort); er is niets gewijzigd. Controleer de invoer.</source>
        <translation>A value does not fit in the database (too long or of the wrong kind); nothing was changed. Check the input.</translation>
    </message>
    <message>
        <source>Geen schrijfrechten: {path}. Kies een andere plek.</source>
        <translation>No permission to write: {path}. Choose another place.</translation>
    </message>
    <message>
        <source>de schijf is vol</source>
        <translation>the disk is full</translation>
    </message>
    <message>
        <source>de schijfruimte (quotum) is op</source>
        <translation>the disk quota is used up</translation>
    </message>
    <message>
        <source>geen schrijfrechten</source>
        <translation>no permission to write</translation>
    </message>
    <message>
        <source>de schijf is alleen-lezen</source>
        <translation>the disk is read-only</translation>
    </message>
    <message>
        <source>leesfout of schrijffout van de schijf</source>
        <translation>disk read or write error</translation>
    </message>
    <message>
        <source>de map bestaat niet</source>
        <translation>the folder does not exist</translation>
    </message>
    <message>
        <source>dit is een map</source>
        <translation>this is a folder</translation>
    </message>
    <message>
        <source>Kan {path} niet schrijven: {reason}. Kies een andere plek of maak ruimte vrij.</source>
        <translation>Cannot write {path}: {reason}. Choose another place or free up space.</translation>
    </message>
    <message>
        <source>{path} is veranderd tijdens het schrijven. Probeer het opnieuw.</source>
        <translation>{path} changed while it was being written. Try again.</translation>
    </message>
    <message>
        <source>{path} is geen gewoon bestand. Geef een CSV-bestand op.</source>
        <translation>{path} is not a regular file. Give a CSV file.</translation>
    </message>
    <message>
        <source>{path} is groter dan {mb} MB. Splits het in kleinere bestanden en importeer die na elkaar.</source>
        <translation>{path} is larger than {mb} MB. Split it into smaller files and import them one after another.</translation>
    </message>
    <message>
        <source>De herstelcode klopt niet.</source>
        <translation>The recovery code is not correct.</translation>
    </message>
    <message>
        <source>Het sleutelbestand {name} is beschadigd: {detail}. Herstel de map uit een back-up.</source>
        <translation>The key file {name} is damaged: {detail}. Restore the folder from a backup.</translation>
    </message>
    <message>
        <source>Het wachtwoord is te kort: gebruik minstens {n} tekens.</source>
        <translation>The passphrase is too short: use at least {n} characters.</translation>
    </message>
    <message>
        <source>Het wachtwoord is te lang: gebruik hoogstens {n} tekens.</source>
        <translation>The passphrase is too long: use at most {n} characters.</translation>
    </message>
    <message>
        <source>Het wachtwoord bevat tekens die niet kunnen worden opgeslagen.</source>
        <translation>The passphrase contains characters that cannot be stored.</translation>
    </message>
    <message>
        <source>Vul een gebruikersnaam in.</source>
        <translation>Fill in a user name.</translation>
    </message>
    <message>
        <source>De gebruikersnaam is te lang: gebruik hoogstens {n} tekens.</source>
        <translation>The user name is too long: use at most {n} characters.</translation>
    </message>
    <message>
        <source>De gebruikersnaam bevat ongeldige tekens (zoals regeleinden).</source>
        <translation>The user name contains invalid characters (such as line breaks).</translation>
    </message>
    <message>
        <source>De herstelcode is onvolledig of bevat ongeldige tekens: een herstelcode heeft 32 letters en cijfers in 8 groepjes van 4.</source>
        <translation>The recovery code is incomplete or contains invalid characters: a recovery code has 32 letters and digits in 8 groups of 4.</translation>
    </message>
    <message>
        <source>de sleutelafleidingsparameter {name} valt buiten de grenzen {low}..{high}</source>
        <translation>the key derivation parameter {name} is outside the bounds {low}..{high}</translation>
    </message>
    <message>
        <source>onbekende slotversie</source>
        <translation>unknown slot version</translation>
    </message>
    <message>
        <source>ongeldig slot-id</source>
        <translation>invalid slot id</translation>
    </message>
    <message>
        <source>ongeldige gebruikersnaam</source>
        <translation>invalid user name</translation>
    </message>
    <message>
        <source>een herstelslot hoort geen gebruikersnaam te hebben</source>
        <translation>a recovery slot should have no user name</translation>
    </message>
    <message>
        <source>onbekende soort slot</source>
        <translation>unknown kind of slot</translation>
    </message>
    <message>
        <source>het zout heeft een ongeldige lengte</source>
        <translation>the salt has an invalid length</translation>
    </message>
    <message>
        <source>de nonce heeft een ongeldige lengte</source>
        <translation>the nonce has an invalid length</translation>
    </message>
    <message>
        <source>de versleutelde sleutel heeft een ongeldige lengte</source>
        <translation>the encrypted key has an invalid length</translation>
    </message>
    <message>
        <source>ongeldige aanmaaktijd</source>
        <translation>invalid creation time</translation>
    </message>
    <message>
        <source>ongeldige markering voor een nieuw wachtwoord</source>
        <translation>invalid marker for a new passphrase</translation>
    </message>
    <message>
        <source>een slot is geen object</source>
        <translation>a slot is not an object</translation>
    </message>
    <message>
        <source>veld &apos;kdf&apos; is geen object</source>
        <translation>field &apos;kdf&apos; is not an object</translation>
    </message>
    <message>
        <source>onbekende sleutelafleiding</source>
        <translation>unknown key derivation</translation>
    </message>
    <message>
        <source>onbekende versie van de sleutelafleiding</source>
        <translation>unknown version of the key derivation</translation>
    </message>
    <message>
        <source>veld &apos;{name}&apos; ontbreekt</source>
        <translation>field &apos;{name}&apos; is missing</translation>
    </message>
    <message>
        <source>onbekend veld in een slot</source>
        <translation>unknown field in a slot</translation>
    </message>
    <message>
        <source>veld &apos;{name}&apos; is geen geldige base64</source>
        <translation>field &apos;{name}&apos; is not valid base64</translation>
    </message>
    <message>
        <source>Het sleutelbestand {name} vraagt meer geheugen ({mib} MiB) dan deze computer beschikbaar heeft. Open de map op een computer met meer geheugen.</source>
        <translation>The key file {name} asks for more memory ({mib} MiB) than this computer has available. Open the folder on a computer with more memory.</translation>
    </message>
    <message>
        <source>Het sleutelbestand {name} ontbreekt. Herstel de map uit een back-up.</source>
        <translation>The key file {name} is missing. Restore the folder from a backup.</translation>
    </message>
    <message>
        <source>Het sleutelbestand {name} kan niet worden gelezen ({reason}). Controleer de rechten van de map.</source>
        <translation>The key file {name} cannot be read ({reason}). Check the folder&apos;s permissions.</translation>
    </message>
    <message>
        <source>In deze map staat al een sleutelbestand ({name}); er is niets gewijzigd.</source>
        <translation>This folder already holds a key file ({name}); nothing has been changed.</translation>
    </message>
    <message>
        <source>het herstelslot ontbreekt</source>
        <translation>the recovery slot is missing</translation>
    </message>
    <message>
        <source>De gebruiker {user} bestaat al.</source>
        <translation>The user {user} already exists.</translation>
    </message>
    <message>
        <source>De gebruiker {user} bestaat niet.</source>
        <translation>The user {user} does not exist.</translation>
    </message>
    <message>
        <source>Deze gebruiker bestaat niet.</source>
        <translation>This user does not exist.</translation>
    </message>
    <message>
        <source>De laatste gebruiker kan niet worden verwijderd.</source>
        <translation>The last user cannot be removed.</translation>
    </message>
    <message>
        <source>Het nieuwe wachtwoord is gelijk aan het huidige. Kies een ander wachtwoord.</source>
        <translation>The new passphrase is the same as the current one. Choose a different passphrase.</translation>
    </message>
    <message>
        <source>slot {n}: {detail}</source>
        <translation>slot {n}: {detail}</translation>
    </message>
    <message>
        <source>twee slots hebben hetzelfde slot-id</source>
        <translation>two slots have the same slot id</translation>
    </message>
    <message>
        <source>een gebruiker heeft meer dan één slot</source>
        <translation>a user has more than one slot</translation>
    </message>
    <message>
        <source>er is geen slot voor een gebruiker</source>
        <translation>there is no slot for a user</translation>
    </message>
    <message>
        <source>er is meer dan één herstelslot</source>
        <translation>there is more than one recovery slot</translation>
    </message>
    <message>
        <source>een veld komt twee keer voor</source>
        <translation>a field occurs twice</translation>
    </message>
    <message>
        <source>het bestand is leeg</source>
        <translation>the file is empty</translation>
    </message>
    <message>
        <source>het bestand is veel te groot</source>
        <translation>the file is far too large</translation>
    </message>
    <message>
        <source>het bestand is geen UTF-8-tekst</source>
        <translation>the file is not UTF-8 text</translation>
    </message>
    <message>
        <source>de inhoud is geen geldige JSON (afgebroken of verminkt)</source>
        <translation>the content is not valid JSON (cut off or mangled)</translation>
    </message>
    <message>
        <source>de formaatmarkering ontbreekt of klopt niet</source>
        <translation>the format marker is missing or wrong</translation>
    </message>
    <message>
        <source>onbekende bestandsversie</source>
        <translation>unknown file version</translation>
    </message>
    <message>
        <source>veld &apos;slots&apos; is geen lijst</source>
        <translation>field &apos;slots&apos; is not a list</translation>
    </message>
    <message>
        <source>Het sleutelbestand {name} kon niet worden opgeslagen ({reason}); het bestaande bestand is ongewijzigd. Controleer de schijfruimte en de rechten van de map.</source>
        <translation>The key file {name} could not be saved ({reason}); the existing file is unchanged. Check the disk space and the folder&apos;s permissions.</translation>
    </message>
    <message>
        <source>De map {folder} is een Sociaal Veilig-opslag; daarin wordt niets anders geschreven. Kies een map buiten de opslag.</source>
        <translation>The folder {folder} is a Sociaal Veilig store; nothing else is written in it. Choose a folder outside the store.</translation>
    </message>
    <message>
        <source>{name} is de naam van een bestand van de opslag; die wordt nooit overschreven. Kies een andere bestandsnaam.</source>
        <translation>{name} is the name of one of the store&apos;s files; it is never overwritten. Choose another file name.</translation>
    </message>
    <message>
        <source>{path} is een snelkoppeling (symlink) naar {target}, buiten de gekozen map. Kies een gewoon bestand in de map zelf.</source>
        <translation>{path} is a shortcut (symlink) to {target}, outside the chosen folder. Choose a regular file in the folder itself.</translation>
    </message>
    <message>
        <source>{path} is een map. Geef een bestandsnaam op in die map.</source>
        <translation>{path} is a folder. Give a file name in that folder.</translation>
    </message>
    <message>
        <source>{path} is geen gewoon bestand (maar een apparaat, pijp of socket). Kies een gewone bestandsnaam.</source>
        <translation>{path} is not a regular file (but a device, pipe or socket). Choose a regular file name.</translation>
    </message>
    <message>
        <source>De doelmap {path} is een snelkoppeling (symlink). Geef de echte map op, of een nieuwe map.</source>
        <translation>The target folder {path} is a shortcut (symlink). Give the real folder, or a new folder.</translation>
    </message>
    <message>
        <source>{name} is de naam van een bestand van de opslag. Kies een andere map.</source>
        <translation>{name} is the name of one of the store&apos;s files. Choose another folder.</translation>
    </message>
    <message>
        <source>In deze map staat al een opslag: {folder}. Kies een lege map.</source>
        <translation>This folder already holds a store: {folder}. Choose an empty folder.</translation>
    </message>
    <message>
        <source>{folder} is een bestand, geen map. Kies een lege map.</source>
        <translation>{folder} is a file, not a folder. Choose an empty folder.</translation>
    </message>
    <message>
        <source>De map {folder} kan niet worden gelezen ({reason}).</source>
        <translation>The folder {folder} cannot be read ({reason}).</translation>
    </message>
    <message>
        <source>De map {folder} is niet leeg; er is niets aangemaakt. Kies een lege of een nieuwe map voor de opslag.</source>
        <translation>The folder {folder} is not empty; nothing has been created. Choose an empty or a new folder for the store.</translation>
    </message>
    <message>
        <source>Te veel mislukte pogingen; probeer het over 1 seconde opnieuw.</source>
        <translation>Too many failed attempts; try again in 1 second.</translation>
    </message>
    <message>
        <source>Te veel mislukte pogingen; probeer het over {n} seconden opnieuw.</source>
        <translation>Too many failed attempts; try again in {n} seconds.</translation>
    </message>
    <message>
        <source>Geen opslag gevonden in {folder}. Maak er een met &apos;init&apos;.</source>
        <translation>No store found in {folder}. Make one with &apos;init&apos;.</translation>
    </message>
    <message>
        <source>Het sleutelbestand ontbreekt in {folder}. Herstel de map uit een back-up.</source>
        <translation>The key file is missing in {folder}. Restore the folder from a backup.</translation>
    </message>
    <message>
        <source>Het databasebestand ontbreekt in {folder}. Herstel de map uit een back-up.</source>
        <translation>The database file is missing in {folder}. Restore the folder from a backup.</translation>
    </message>
    <message>
        <source>{url} is geen geldige databaseverbinding. Gebruik postgresql://gebruiker@host/database.</source>
        <translation>{url} is not a valid database connection. Use postgresql://user@host/database.</translation>
    </message>
    <message>
        <source>het opgegeven adres</source>
        <translation>the address given</translation>
    </message>
    <message>
        <source>De server {server} is niet bereikbaar (of weigert de aanmelding). Controleer het adres en of de database draait, en probeer het opnieuw.</source>
        <translation>The server {server} cannot be reached (or refuses the sign-in). Check the address and that the database is running, and try again.</translation>
    </message>
    <message>
        <source>De database {url} is niet leeg; er is niets aangemaakt. Gebruik een lege database voor een nieuw centrum.</source>
        <translation>The database {url} is not empty; nothing was created. Use an empty database for a new centre.</translation>
    </message>
    <message>
        <source>De database {url} heeft een nieuwer schema ({revision}) dan dit programma kent. Werk Sociaal Veilig bij; er is niets gewijzigd.</source>
        <translation>The database {url} has a newer schema ({revision}) than this program knows. Update Sociaal Veilig; nothing was changed.</translation>
    </message>
    <message>
        <source>De opslag is vergrendeld. Ontgrendel eerst.</source>
        <translation>The store is locked. Unlock it first.</translation>
    </message>
    <message>
        <source>Bespreking is te laat</source>
        <translation>Discussion is overdue</translation>
    </message>
    <message>
        <source>Aangemaakt</source>
        <translation>Created</translation>
    </message>
    <message>
        <source>Ontvangen</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>Termijn</source>
        <translation>Term</translation>
    </message>
    <message>
        <source>Over de termijn</source>
        <translation>Past its term</translation>
    </message>
    <message>
        <source>Afhandelen vóór deze datum</source>
        <translation>Handle before this date</translation>
    </message>
    <message>
        <source>Nu Veilig Thuis raadplegen of opschalen</source>
        <translation>Consult Veilig Thuis or escalate now</translation>
    </message>
    <message>
        <source>Naar het overleg, omdat …</source>
        <translation>To the meeting, because …</translation>
    </message>
    <message>
        <source>Vraag advies aan Veilig Thuis (0800-2000, gratis, dag en nacht).</source>
        <translation>Ask Veilig Thuis for advice (0800-2000, free, day and night).</translation>
    </message>
    <message>
        <source>Breng de signalen in kaart en leg ze feitelijk vast.</source>
        <translation>Map out the signs and record them factually.</translation>
    </message>
    <message>
        <source>Overleg met een collega en zo nodig met een deskundige op letselduiding.</source>
        <translation>Consult a colleague and, if needed, an expert in injury assessment.</translation>
    </message>
    <message>
        <source>Ga in gesprek met de betrokkene(n), als dat veilig kan.</source>
        <translation>Talk with the person(s) involved, if that can be done safely.</translation>
    </message>
    <message>
        <source>Weeg het geweld of de kindermishandeling (afwegingskader) en beslis: zelf hulp organiseren of melden bij Veilig Thuis.</source>
        <translation>Weigh the violence or child abuse (assessment framework) and decide: organise help yourself or report to Veilig Thuis.</translation>
    </message>
    <message>
        <source>Bij een vermoeden van huiselijk geweld of kindermishandeling is de urgentie minstens &apos;hoog&apos; (Meldcode). Kies &apos;hoog&apos; of &apos;acuut&apos;.</source>
        <translation>If domestic violence or child abuse is suspected, the urgency is at least &apos;high&apos; (Reporting Code). Choose &apos;high&apos; or &apos;acute&apos;.</translation>
    </message>
    <message>
        <source>Meldcode: kies wat er nu gebeurt: Veilig Thuis raadplegen of opschalen, of naar het overleg met een reden. Het signaal wacht niet vanzelf op het overleg.</source>
        <translation>Reporting Code: choose what happens now: consult Veilig Thuis or escalate, or send it to the meeting with a reason. The signal does not simply wait for the meeting.</translation>
    </message>
    <message>
        <source>Meldcode: besloten nu Veilig Thuis te raadplegen of op te schalen.</source>
        <translation>Reporting Code: decided to consult Veilig Thuis or escalate now.</translation>
    </message>
    <message>
        <source>Meldcode: geef de reden waarom dit signaal naar het overleg gaat.</source>
        <translation>Reporting Code: give the reason why this signal goes to the meeting.</translation>
    </message>
    <message>
        <source>Meldcode: de reden is te lang ({n} tekens); maximaal {max}.</source>
        <translation>Reporting Code: the reason is too long ({n} characters); at most {max}.</translation>
    </message>
    <message>
        <source>Meldcode: naar het overleg, omdat {reason}</source>
        <translation>Reporting Code: to the meeting, because {reason}</translation>
    </message>
    <message>
        <source>Vul een wachtwoord in.</source>
        <translation>Enter a passphrase.</translation>
    </message>
    <message>
        <source>Het wachtwoord is te makkelijk te raden. Kies een langer wachtwoord, bijvoorbeeld een paar woorden die niets met elkaar te maken hebben.</source>
        <translation>The passphrase is too easy to guess. Choose a longer passphrase, for example a few unrelated words.</translation>
    </message>
    <message>
        <source>Schrijf kort op hoe de casus ervoor staat: de notitie is verplicht.</source>
        <translation>Briefly write down where the case stands: the note is required.</translation>
    </message>
    <message>
        <source>De notitie is te lang ({n} tekens); maximaal {max}.</source>
        <translation>The note is too long ({n} characters); at most {max}.</translation>
    </message>
    <message>
        <source>Casus {ref} wordt geëvalueerd door de casusregisseur of de coördinator.</source>
        <translation>Case {ref} is reviewed by the case manager or the coordinator.</translation>
    </message>
    <message>
        <source>Casus {ref} is afgesloten; een afgesloten casus wordt niet geëvalueerd.</source>
        <translation>Case {ref} is closed; a closed case is not reviewed.</translation>
    </message>
    <message>
        <source>Afgehandeld, met resultaat</source>
        <translation>Handled, with result</translation>
    </message>
    <message>
        <source>Afgewezen, met reden</source>
        <translation>Rejected, with reason</translation>
    </message>
    <message>
        <source>Nieuwe casus van dit signaal</source>
        <translation>New case from this signal</translation>
    </message>
    <message>
        <source>Koppelen aan een casus</source>
        <translation>Link to a case</translation>
    </message>
    <message>
        <source>Blijft gerouteerd</source>
        <translation>Stays routed</translation>
    </message>
    <message>
        <source>het afhandelen (het resultaat)</source>
        <translation>handling (the result)</translation>
    </message>
    <message>
        <source>Afgehandeld: {result}</source>
        <translation>Handled: {result}</translation>
    </message>
    <message>
        <source>het afwijzen</source>
        <translation>rejecting</translation>
    </message>
    <message>
        <source>Afgewezen: {reason}</source>
        <translation>Rejected: {reason}</translation>
    </message>
    <message>
        <source>Signaal {ref} hoort al bij een casus; ontkoppel het eerst als er een nieuwe casus moet komen.</source>
        <translation>Signal {ref} already belongs to a case; unlink it first if a new case is needed.</translation>
    </message>
    <message>
        <source>Dit adres ligt buiten uw focusgebieden; vraag de coördinator de casus te maken.</source>
        <translation>This address is outside your focus areas; ask the coordinator to make the case.</translation>
    </message>
    <message>
        <source>Gemaakt van signaal {ref}.</source>
        <translation>Made from signal {ref}.</translation>
    </message>
    <message>
        <source>Vul de referentie in van de casus om het signaal aan te koppelen (C-…).</source>
        <translation>Enter the reference of the case to link the signal to (C-…).</translation>
    </message>
    <message>
        <source>{day} {start}–{end}</source>
        <translation>{day} {start}–{end}</translation>
    </message>
    <message>
        <source>{partners} heeft op {when} al een huisbezoek (casus {case})</source>
        <translation>{partners} already has a home visit on {when} (case {case})</translation>
    </message>
    <message>
        <source>op hetzelfde adres staat op {when} al een huisbezoek (casus {case})</source>
        <translation>a home visit is already planned at the same address on {when} (case {case})</translation>
    </message>
    <message>
        <source>Dubbele boeking: {lines}. Kies een andere tijd, of bevestig dat het zo moet.</source>
        <translation>Double booking: {lines}. Choose another time, or confirm that this is intended.</translation>
    </message>
    <message>
        <source>Het teken &apos;{char}&apos; in de gebruikersnaam lijkt op een gewone letter, maar is een letter uit een ander schrift. Typ de naam met gewone letters.</source>
        <translation>The character &apos;{char}&apos; in the user name looks like an ordinary letter but is a letter from another script. Type the name with ordinary letters.</translation>
    </message>
    <message>
        <source>Gebruik in een gebruikersnaam alleen letters van het gewone (Latijnse) alfabet, cijfers en leestekens.</source>
        <translation>Use only letters of the ordinary (Latin) alphabet, digits and punctuation in a user name.</translation>
    </message>
    <message>
        <source>Gebruik in een gebruikersnaam alleen de gewone cijfers 0 tot en met 9.</source>
        <translation>Use only the ordinary digits 0 to 9 in a user name.</translation>
    </message>
    <message>
        <source>De gebruikersnaam lijkt te veel op die van gebruiker {other}. Kies een naam die duidelijk anders is.</source>
        <translation>The user name is too similar to that of user {other}. Choose a clearly different name.</translation>
    </message>
    <message>
        <source>Het ankerbestand {name} in {folder} is gewijzigd of hoort niet bij deze opslag. Zet de laatste back-up terug en meld het aan de beheerder.</source>
        <translation>The anchor file {name} in {folder} has been changed or does not belong to this store. Restore the latest backup and report it to the administrator.</translation>
    </message>
    <message>
        <source>De database is ouder dan de laatst bekende stand (auditregel {n}): recent werk ontbreekt, bijvoorbeeld door een teruggezette oude kopie of een verwijderd logbestand. Zet de laatste back-up terug en meld het aan de beheerder.</source>
        <translation>The database is older than the last known state (audit row {n}): recent work is missing, for example because an old copy was restored or a log file was deleted. Restore the latest backup and report it to the administrator.</translation>
    </message>
    <message>
        <source>De auditketen past niet bij de laatst bekende stand (auditregel {n}): het log is herschreven of de database vervangen. Zet de laatste back-up terug en meld het aan de beheerder.</source>
        <translation>The audit chain does not match the last known state (audit row {n}): the log has been rewritten or the database replaced. Restore the latest backup and report it to the administrator.</translation>
    </message>
    <message>
        <source>Het ankerbestand {name} ontbreekt in {folder}: zo is een teruggedraaide database niet te zien. Zet de laatste back-up terug en meld het aan de beheerder.</source>
        <translation>The anchor file {name} is missing from {folder}: without it a rolled-back database cannot be detected. Restore the latest backup and report it to the administrator.</translation>
    </message>
    <message>
        <source>De sleutels van de opslag zijn bezet door een ander programma. Wacht even en probeer het opnieuw.</source>
        <translation>The store&apos;s keys are in use by another program. Wait a moment and try again.</translation>
    </message>
    <message>
        <source>De opslagmap kan niet worden vergrendeld ({reason}). Controleer de rechten van de map.</source>
        <translation>The store folder cannot be locked ({reason}). Check the folder&apos;s permissions.</translation>
    </message>
    <message>
        <source>Minstens {n} tekens en niet makkelijk te raden. Een paar woorden die niets met elkaar te maken hebben is sterk en goed te onthouden.</source>
        <translation>At least {n} characters and not easy to guess. A few unrelated words are strong and easy to remember.</translation>
    </message>
    <message>
        <source>Te zwak: te kort of te makkelijk te raden. Kies minstens {n} tekens, bijvoorbeeld een paar woorden die niets met elkaar te maken hebben.</source>
        <translation>Too weak: too short or too easy to guess. Choose at least {n} characters, for example a few unrelated words.</translation>
    </message>
    <message>
        <source>Te zwak: te makkelijk te raden. Maak het langer, met een paar losse woorden.</source>
        <translation>Too weak: too easy to guess. Make it longer, with a few separate words.</translation>
    </message>
    <message>
        <source>Te zwak: bijna goed. Nog een woord erbij maakt het sterk genoeg.</source>
        <translation>Too weak: almost there. One more word makes it strong enough.</translation>
    </message>
    <message>
        <source>Goed.</source>
        <translation>Good.</translation>
    </message>
    <message>
        <source>Sterk.</source>
        <translation>Strong.</translation>
    </message>
    <message>
        <source>Een manager kiest geen casussen om mee te werken; u ziet de overzichten.</source>
        <translation>A manager does not choose cases to work on; you see the overviews.</translation>
    </message>
    <message>
        <source>Te veel personen gevonden; typ meer van de naam of voeg het geboortejaar toe.</source>
        <translation>Too many people found; type more of the name or add the birth year.</translation>
    </message>
    <message>
        <source>Dit kan alleen met een opslag op deze computer, niet met een centrum.</source>
        <translation>This can only be done with a store on this computer, not with a centre.</translation>
    </message>
    <message>
        <source>huisnummer</source>
        <translation>house number</translation>
    </message>
    <message>
        <source>toevoeging</source>
        <translation>addition</translation>
    </message>
    <message>
        <source>straat</source>
        <translation>street</translation>
    </message>
    <message>
        <source>plaats</source>
        <translation>town</translation>
    </message>
    <message>
        <source>organisatie</source>
        <translation>organisation</translation>
    </message>
    <message>
        <source>melder</source>
        <translation>reporter</translation>
    </message>
    <message>
        <source>omschrijving</source>
        <translation>description</translation>
    </message>
    <message>
        <source>urgentie</source>
        <translation>urgency</translation>
    </message>
    <message>
        <source>bron</source>
        <translation>source</translation>
    </message>
    <message>
        <source>status</source>
        <translation>status</translation>
    </message>
    <message>
        <source>risiconiveau</source>
        <translation>risk level</translation>
    </message>
    <message>
        <source>samenvatting</source>
        <translation>summary</translation>
    </message>
    <message>
        <source>naam</source>
        <translation>name</translation>
    </message>
    <message>
        <source>weergavenaam</source>
        <translation>display name</translation>
    </message>
    <message>
        <source>gebruikersnaam</source>
        <translation>user name</translation>
    </message>
    <message>
        <source>rol</source>
        <translation>role</translation>
    </message>
    <message>
        <source>geboortejaar</source>
        <translation>birth year</translation>
    </message>
    <message>
        <source>locatie</source>
        <translation>location</translation>
    </message>
    <message>
        <source>doel</source>
        <translation>purpose</translation>
    </message>
    <message>
        <source>reden</source>
        <translation>reason</translation>
    </message>
    <message>
        <source>extern kenmerk</source>
        <translation>external reference</translation>
    </message>
    <message>
        <source>deadline</source>
        <translation>deadline</translation>
    </message>
    <message>
        <source>soort actie</source>
        <translation>kind of action</translation>
    </message>
    <message>
        <source>doel van de opschaling</source>
        <translation>escalation target</translation>
    </message>
    <message>
        <source>soort overleg</source>
        <translation>kind of meeting</translation>
    </message>
    <message>
        <source>begintijd</source>
        <translation>start time</translation>
    </message>
    <message>
        <source>eindtijd</source>
        <translation>end time</translation>
    </message>
    <message>
        <source>datum van de schouw</source>
        <translation>date of the walk</translation>
    </message>
    <message>
        <source>datum</source>
        <translation>date</translation>
    </message>
    <message>
        <source>punt van de checklist</source>
        <translation>checklist item</translation>
    </message>
    <message>
        <source>code</source>
        <translation>code</translation>
    </message>
    <message>
        <source>hoofdcategorie</source>
        <translation>main category</translation>
    </message>
    <message>
        <source>termijn in werkdagen</source>
        <translation>term in working days</translation>
    </message>
    <message>
        <source>inwoners</source>
        <translation>residents</translation>
    </message>
    <message>
        <source>route</source>
        <translation>route</translation>
    </message>
    <message>
        <source>besluit</source>
        <translation>decision</translation>
    </message>
    <message>
        <source>aantekeningen</source>
        <translation>notes</translation>
    </message>
    <message>
        <source>gezamenlijk</source>
        <translation>joint</translation>
    </message>
    <message>
        <source>actief</source>
        <translation>active</translation>
    </message>
    <message>
        <source>volgende bespreking</source>
        <translation>next review</translation>
    </message>
    <message>
        <source>grondslag</source>
        <translation>legal basis</translation>
    </message>
    <message>
        <source>Bij &apos;{field}&apos; hoort tekst.</source>
        <translation>&apos;{field}&apos; must be text.</translation>
    </message>
    <message>
        <source>De tekst bij &apos;{field}&apos; bevat een ongeldig teken (NUL); haal het weg.</source>
        <translation>The text of &apos;{field}&apos; contains an invalid character (NUL); remove it.</translation>
    </message>
    <message>
        <source>De tekst bij &apos;{field}&apos; is te lang: ten hoogste {limit} tekens.</source>
        <translation>The text of &apos;{field}&apos; is too long: at most {limit} characters.</translation>
    </message>
    <message>
        <source>Bij &apos;{field}&apos; hoort ja of nee.</source>
        <translation>&apos;{field}&apos; must be yes or no.</translation>
    </message>
    <message>
        <source>Bij &apos;{field}&apos; hoort een geheel getal.</source>
        <translation>&apos;{field}&apos; must be a whole number.</translation>
    </message>
    <message>
        <source>Het getal bij &apos;{field}&apos; is te groot: ten hoogste {limit}.</source>
        <translation>The number of &apos;{field}&apos; is too large: at most {limit}.</translation>
    </message>
    <message>
        <source>Het getal bij &apos;{field}&apos; is te klein: ten minste {limit}.</source>
        <translation>The number of &apos;{field}&apos; is too small: at least {limit}.</translation>
    </message>
    <message>
        <source>Bij &apos;{field}&apos; hoort een getal.</source>
        <translation>&apos;{field}&apos; must be a number.</translation>
    </message>
    <message>
        <source>Bij &apos;{field}&apos; hoort een datum zonder tijd.</source>
        <translation>&apos;{field}&apos; must be a date without a time.</translation>
    </message>
    <message>
        <source>Bij &apos;{field}&apos; hoort een datum met tijd.</source>
        <translation>&apos;{field}&apos; must be a date with a time.</translation>
    </message>
    <message>
        <source>De tijd bij &apos;{field}&apos; heeft een tijdzone; de opslag bewaart tijden zonder zone.</source>
        <translation>The time of &apos;{field}&apos; has a time zone; the store keeps times without a zone.</translation>
    </message>
    <message>
        <source>De waarde bij &apos;{field}&apos; is niet toegestaan; kies een van: {choices}.</source>
        <translation>The value of &apos;{field}&apos; is not allowed; choose one of: {choices}.</translation>
    </message>
    <message>
        <source>PostgreSQL-adres (postgresql://gebruiker@host:poort/database); anders {env}</source>
        <translation>PostgreSQL address (postgresql://user@host:port/database); otherwise {env}</translation>
    </message>
    <message>
        <source>Het centrum van Sociaal Veilig: een gedeelde opslag op PostgreSQL voor de werkplekken van een team.</source>
        <translation>The Sociaal Veilig centre: a shared store on PostgreSQL for the desks of a team.</translation>
    </message>
    <message>
        <source>richt een lege database in als centrum</source>
        <translation>set up an empty database as a centre</translation>
    </message>
    <message>
        <source>de eerste beheerder</source>
        <translation>the first administrator</translation>
    </message>
    <message>
        <source>lees het wachtwoord van standaardinvoer</source>
        <translation>read the passphrase from standard input</translation>
    </message>
    <message>
        <source>de beheerder</source>
        <translation>the administrator</translation>
    </message>
    <message>
        <source>lees herstelcode en wachtwoord van standaardinvoer</source>
        <translation>read the recovery code and the passphrase from standard input</translation>
    </message>
    <message>
        <source>bedien het centrum tot SIGTERM</source>
        <translation>serve the centre until SIGTERM</translation>
    </message>
    <message>
        <source>adres en poort; zonder certificaat alleen een loopback-adres</source>
        <translation>address and port; without a certificate only a loopback address</translation>
    </message>
    <message>
        <source>TLS-certificaat (PEM)</source>
        <translation>TLS certificate (PEM)</translation>
    </message>
    <message>
        <source>sleutel bij het certificaat (PEM)</source>
        <translation>key of the certificate (PEM)</translation>
    </message>
    <message>
        <source>lees het wachtwoord van de back-up van standaardinvoer</source>
        <translation>read the backup&apos;s passphrase from standard input</translation>
    </message>
    <message>
        <source>overschrijf een bestaand bestand UIT</source>
        <translation>overwrite an existing file OUT</translation>
    </message>
    <message>
        <source>zet een back-up terug in een lege database</source>
        <translation>restore a backup into an empty database</translation>
    </message>
    <message>
        <source>controleer de database en de auditketen</source>
        <translation>check the database and the audit chain</translation>
    </message>
    <message>
        <source>verhuis een werkplekopslag naar het centrum</source>
        <translation>move a desk&apos;s store into the centre</translation>
    </message>
    <message>
        <source>de beheerder die verhuist (standaard: de enige gebruiker)</source>
        <translation>the administrator who moves the store (default: the only user)</translation>
    </message>
    <message>
        <source>lees het wachtwoord van de beheerder van standaardinvoer</source>
        <translation>read the administrator&apos;s passphrase from standard input</translation>
    </message>
    <message>
        <source>breng het schema van het centrum naar deze versie</source>
        <translation>bring the centre&apos;s schema to this version</translation>
    </message>
    <message>
        <source>Geef de database met --database URL of {env}.</source>
        <translation>Give the database with --database URL or {env}.</translation>
    </message>
    <message>
        <source>Interne fout op het centrum; meld dit bij de functioneel beheerder.</source>
        <translation>Internal error at the centre; please report this to the functional administrator.</translation>
    </message>
    <message>
        <source>Het centrum kent deze handeling niet. Werk het programma bij.</source>
        <translation>The centre does not know this operation. Update the program.</translation>
    </message>
    <message>
        <source>Het centrum kon het verzoek niet lezen. Werk het programma bij of meld dit bij de functioneel beheerder.</source>
        <translation>The centre could not read the request. Update the program or report this to the functional administrator.</translation>
    </message>
    <message>
        <source>Het verzoek is te groot voor het centrum (hoogstens {mb} MB). Kies een kleiner bestand.</source>
        <translation>The request is too large for the centre (at most {mb} MB). Choose a smaller file.</translation>
    </message>
    <message>
        <source>Het centrum {server} gaf een onverwacht antwoord. Meld dit bij de functioneel beheerder.</source>
        <translation>The centre {server} gave an unexpected answer. Please report this to the functional administrator.</translation>
    </message>
    <message>
        <source>Interne fout op het centrum.</source>
        <translation>Internal error at the centre.</translation>
    </message>
    <message>
        <source>{url} is geen geldig adres van een centrum. Gebruik https://server:poort, of http:// alleen op deze computer (127.0.0.1).</source>
        <translation>{url} is not a valid centre address. Use https://server:port, or http:// only on this computer (127.0.0.1).</translation>
    </message>
    <message>
        <source>Het certificaat {path} kan niet gelezen worden. Geef het PEM-bestand van het centrum op.</source>
        <translation>The certificate {path} cannot be read. Give the centre&apos;s PEM file.</translation>
    </message>
    <message>
        <source>Het centrum {server} is niet bereikbaar. Controleer de netwerkverbinding en het adres, en probeer het opnieuw.</source>
        <translation>The centre {server} cannot be reached. Check the network connection and the address, and try again.</translation>
    </message>
    <message>
        <source>Het centrum weigerde het verzoek: {detail}. Werk het programma bij of meld dit bij de functioneel beheerder.</source>
        <translation>The centre refused the request: {detail}. Update the program or report this to the functional administrator.</translation>
    </message>
    <message>
        <source>te diep geneste gegevens</source>
        <translation>data nested too deeply</translation>
    </message>
    <message>
        <source>een ongeldig getal</source>
        <translation>an invalid number</translation>
    </message>
    <message>
        <source>een gegeven van een soort die niet verstuurd kan worden</source>
        <translation>a value of a kind that cannot be sent</translation>
    </message>
    <message>
        <source>geen geldige gegevens</source>
        <translation>no valid data</translation>
    </message>
    <message>
        <source>een onbekende soort gegeven</source>
        <translation>an unknown kind of value</translation>
    </message>
    <message>
        <source>een onleesbaar gegeven</source>
        <translation>an unreadable value</translation>
    </message>
    <message>
        <source>een gegeven met andere velden dan verwacht</source>
        <translation>a value with other fields than expected</translation>
    </message>
    <message>
        <source>tekst met een teken dat niet kan worden opgeslagen</source>
        <translation>text with a character that cannot be stored</translation>
    </message>
    <message>
        <source>een getal buiten het bereik</source>
        <translation>a number out of range</translation>
    </message>
    <message>
        <source>een datum buiten het bereik ({first}–{last})</source>
        <translation>a date out of range ({first}–{last})</translation>
    </message>
    <message>
        <source>een tijdsduur buiten het bereik</source>
        <translation>a duration out of range</translation>
    </message>
    <message>
        <source>de gegevens passen niet bij de gevraagde handeling</source>
        <translation>the data does not fit the requested operation</translation>
    </message>
    <message>
        <source>het gegeven {name} is niet van de verwachte soort</source>
        <translation>the value {name} is not of the expected kind</translation>
    </message>
    <message>
        <source>Wachtwoord voor de back-up: </source>
        <translation>Passphrase for the backup: </translation>
    </message>
    <message>
        <source>Herhaal het wachtwoord voor de back-up: </source>
        <translation>Repeat the passphrase for the backup: </translation>
    </message>
    <message>
        <source>Opslag verhuisd naar het centrum en gecontroleerd: {n} auditregels.</source>
        <translation>Store moved to the centre and verified: {n} audit entries.</translation>
    </message>
    <message>
        <source>Eenmalige wachtwoorden (nu noteren; ze worden niet opnieuw getoond; bij de eerste aanmelding kiest iedere gebruiker een nieuw):</source>
        <translation>One-time passphrases (write them down now; they are not shown again; at the first sign-in each user chooses a new one):</translation>
    </message>
    <message>
        <source>Centrum ingericht in {database} met beheerder {user}.</source>
        <translation>Centre set up in {database} with administrator {user}.</translation>
    </message>
    <message>
        <source>Wachtwoord van de back-up: </source>
        <translation>Passphrase of the backup: </translation>
    </message>
    <message>
        <source>Back-up teruggezet en gecontroleerd ({n} auditregels).</source>
        <translation>Backup restored and verified ({n} audit entries).</translation>
    </message>
    <message>
        <source>Geef --certificate en --key samen, of geen van beide.</source>
        <translation>Give --certificate and --key together, or neither.</translation>
    </message>
    <message>
        <source>Het centrum luistert op {url}; stoppen met Ctrl-C of SIGTERM.</source>
        <translation>The centre is listening on {url}; stop with Ctrl-C or SIGTERM.</translation>
    </message>
    <message>
        <source>Het centrum is gestopt.</source>
        <translation>The centre has stopped.</translation>
    </message>
    <message>
        <source>Het schema is al actueel (revisie {revision}).</source>
        <translation>The schema is already current (revision {revision}).</translation>
    </message>
    <message>
        <source>Schema bijgewerkt van revisie {before} naar {after}.</source>
        <translation>Schema upgraded from revision {before} to {after}.</translation>
    </message>
    <message>
        <source>Het centrum is niet gecontroleerd: {problem}. Voer eerst &apos;sociaalveilig-server upgrade&apos; uit.</source>
        <translation>The centre was not verified: {problem}. Run &apos;sociaalveilig-server upgrade&apos; first.</translation>
    </message>
    <message>
        <source>Het centrum is beschadigd of gemanipuleerd: {first}. Herstel uit een back-up.</source>
        <translation>The centre is damaged or tampered with: {first}. Restore from a backup.</translation>
    </message>
    <message>
        <source>Centrum in orde: verwijzingen, tellers en auditketen ({n} regels).</source>
        <translation>Centre in order: references, counters and audit chain ({n} entries).</translation>
    </message>
    <message>
        <source>{listen} is geen geldig adres om op te luisteren. Gebruik HOST:POORT, zoals 127.0.0.1:8443.</source>
        <translation>{listen} is not a valid address to listen on. Use HOST:PORT, such as 127.0.0.1:8443.</translation>
    </message>
    <message>
        <source>Zonder certificaat luistert het centrum alleen op deze computer (127.0.0.1, ::1 of localhost), niet op {host}. Geef --certificate en --key voor TLS.</source>
        <translation>Without a certificate the centre listens on this computer only (127.0.0.1, ::1 or localhost), not on {host}. Give --certificate and --key for TLS.</translation>
    </message>
    <message>
        <source>Het certificaat {certificate} of de sleutel {key} is onleesbaar, de sleutel heeft een wachtwoord, of ze horen niet bij elkaar. Er is niets gestart.</source>
        <translation>The certificate {certificate} or the key {key} cannot be read, the key has a passphrase, or they do not belong together. Nothing was started.</translation>
    </message>
    <message>
        <source>Het centrum kan niet luisteren op {host}:{port}: het adres is in gebruik of hoort niet bij deze computer. Kies een ander adres of een andere poort.</source>
        <translation>The centre cannot listen on {host}:{port}: the address is in use or does not belong to this computer. Choose another address or port.</translation>
    </message>
    <message>
        <source>verhuizing naar een centrum</source>
        <translation>move to a centre</translation>
    </message>
    <message>
        <source>Alleen een beheerder kan een opslag naar een centrum verhuizen.</source>
        <translation>Only an administrator can move a store to a centre.</translation>
    </message>
    <message>
        <source>De database is niet leeg; er is niets verhuisd. Verhuis een opslag alleen naar een lege database (createdb).</source>
        <translation>The database is not empty; nothing was moved. Move a store only into an empty database (createdb).</translation>
    </message>
    <message>
        <source>De verhuisde gegevens kloppen niet ({first}); er is niets verhuisd.</source>
        <translation>The moved data is not right ({first}); nothing was moved.</translation>
    </message>
    <message>
        <source>De verhuizing kopieerde niet alle rijen van {tables}; er is niets verhuisd.</source>
        <translation>The move did not copy all rows of {tables}; nothing was moved.</translation>
    </message>
    <message>
        <source>Centrum (geplande taak)</source>
        <translation>Centre (scheduled job)</translation>
    </message>
    <message>
        <source>herinneringen van gebruikers zonder toegang</source>
        <translation>reminders of users without access</translation>
    </message>
    <message>
        <source>verplaatst op de agenda</source>
        <translation>moved on the agenda</translation>
    </message>
    <message>
        <source>{what} is intussen door iemand anders gewijzigd. Bekijk de nieuwe gegevens; uw invoer staat nog in het venster.</source>
        <translation>{what} has been changed by someone else in the meantime. Look at the new data; your input is still in the window.</translation>
    </message>
    <message>
        <source>{what} is intussen gewijzigd door {who} ({change}, {at}). Bekijk de nieuwe gegevens; uw invoer staat nog in het venster.</source>
        <translation>{what} has been changed in the meantime by {who} ({change}, {at}). Look at the new data; your input is still in the window.</translation>
    </message>
    <message>
        <source>deadline verschoven</source>
        <translation>deadline moved</translation>
    </message>
    <message>
        <source>nu {status}</source>
        <translation>now {status}</translation>
    </message>
    <message>
        <source>Het programma {tool} is niet gevonden. Installeer de PostgreSQL-hulpprogramma&apos;s (Debian: apt install postgresql-client-15 of nieuwer) en probeer het opnieuw.</source>
        <translation>The program {tool} was not found. Install the PostgreSQL client tools (Debian: apt install postgresql-client-15 or newer) and try again.</translation>
    </message>
    <message>
        <source>geen melding</source>
        <translation>no message</translation>
    </message>
    <message>
        <source>{tool} is mislukt: {detail}</source>
        <translation>{tool} failed: {detail}</translation>
    </message>
    <message>
        <source>pg_restore kan de back-up niet lezen: {detail}. Gebruik een andere back-up.</source>
        <translation>pg_restore cannot read the backup: {detail}. Use another backup.</translation>
    </message>
    <message>
        <source>De auditketen in de back-up is gebroken bij regel {id}. Gebruik een andere back-up.</source>
        <translation>The audit chain in the backup is broken at entry {id}. Use another backup.</translation>
    </message>
    <message>
        <source>De eigenaar van de database mag geen rollen maken (CREATEROLE). Laat een beheerder van PostgreSQL eenmalig uitvoeren: CREATE ROLE {role} NOLOGIN; GRANT {role} TO {owner}; en probeer het opnieuw.</source>
        <translation>The database&apos;s owner may not create roles (CREATEROLE). Have a PostgreSQL administrator run once: CREATE ROLE {role} NOLOGIN; GRANT {role} TO {owner}; and try again.</translation>
    </message>
    <message>
        <source>Het back-upbestand is beschadigd of gemanipuleerd ({detail}). Gebruik een andere back-up.</source>
        <translation>The backup file is damaged or tampered with ({detail}). Use another backup.</translation>
    </message>
    <message>
        <source>Het wachtwoord van de back-up klopt niet (of het bestand is beschadigd).</source>
        <translation>The backup&apos;s passphrase is wrong (or the file is damaged).</translation>
    </message>
    <message>
        <source>te groot</source>
        <translation>too large</translation>
    </message>
    <message>
        <source>het bestand houdt te vroeg op</source>
        <translation>the file ends too early</translation>
    </message>
    <message>
        <source>geen back-up van een centrum</source>
        <translation>not a backup of a centre</translation>
    </message>
    <message>
        <source>ongeldige kop</source>
        <translation>invalid header</translation>
    </message>
    <message>
        <source>onbekende versie {version}</source>
        <translation>unknown version {version}</translation>
    </message>
    <message>
        <source>het laatste deel ontbreekt</source>
        <translation>the last part is missing</translation>
    </message>
    <message>
        <source>ongeldige deellengte</source>
        <translation>invalid part length</translation>
    </message>
    <message>
        <source>gegevens na het laatste deel</source>
        <translation>data after the last part</translation>
    </message>
    <message>
        <source>deel {n} klopt niet</source>
        <translation>part {n} is not right</translation>
    </message>
    <message>
        <source>De eigenaar van de database, {owner}, mag geen rollen maken. Laat een beheerder van PostgreSQL eenmalig ALTER ROLE {owner} CREATEROLE uitvoeren, en probeer het opnieuw.</source>
        <translation>The database&apos;s owner, {owner}, may not create roles. Have a PostgreSQL administrator run ALTER ROLE {owner} CREATEROLE once, and try again.</translation>
    </message>
    <message>
        <source>Het centrum kent dit adres niet. Werk het programma bij.</source>
        <translation>The centre does not know this address. Update the program.</translation>
    </message>
    <message>
        <source>Het centrum neemt dit verzoek op dit adres niet aan. Werk het programma bij.</source>
        <translation>The centre does not take this request at this address. Update the program.</translation>
    </message>
    <message>
        <source>Het centrum neemt alleen JSON aan. Werk het programma bij.</source>
        <translation>The centre takes JSON only. Update the program.</translation>
    </message>
</context>
<context>
    <name>ActionDeadlineDialog</name>
    <message>
        <source>Nieuwe deadline voor {ref}</source>
        <translation>New deadline for {ref}</translation>
    </message>
    <message>
        <source>{type} door {owner}; de deadline is nu {deadline}.</source>
        <translation>{type} by {owner}; the deadline is now {deadline}.</translation>
    </message>
    <message>
        <source>&amp;Nieuwe deadline:</source>
        <translation>&amp;New deadline:</translation>
    </message>
    <message>
        <source>&amp;Reden:</source>
        <translation>&amp;Reason:</translation>
    </message>
    <message>
        <source>Geef een reden waarom de deadline verschuift.</source>
        <translation>Give a reason why the deadline is moving.</translation>
    </message>
</context>
<context>
    <name>ActionListEditor</name>
    <message>
        <source>Eigenaar</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>wat precies (optioneel)</source>
        <translation>what exactly (optional)</translation>
    </message>
    <message>
        <source>Actie &amp;toevoegen</source>
        <translation>&amp;Add action</translation>
    </message>
    <message>
        <source>Actie verwijderen</source>
        <translation>Remove action</translation>
    </message>
    <message>
        <source>Actie:</source>
        <translation>Action:</translation>
    </message>
    <message>
        <source>Eigenaar:</source>
        <translation>Owner:</translation>
    </message>
    <message>
        <source>Deadline:</source>
        <translation>Deadline:</translation>
    </message>
    <message>
        <source>Omschrijving:</source>
        <translation>Description:</translation>
    </message>
    <message>
        <source>(kies een partner)</source>
        <translation>(choose a partner)</translation>
    </message>
    <message>
        <source>(geen)</source>
        <translation>(none)</translation>
    </message>
</context>
<context>
    <name>ActionsPanel</name>
    <message>
        <source>&amp;Starten</source>
        <translation>&amp;Start</translation>
    </message>
    <message>
        <source>De actie is begonnen (in uitvoering).</source>
        <translation>The action has started (under way).</translation>
    </message>
    <message>
        <source>Af&amp;ronden…</source>
        <translation>Com&amp;plete…</translation>
    </message>
    <message>
        <source>De actie is klaar; schrijf kort wat ze opleverde (Ctrl+Enter).</source>
        <translation>The action is done; briefly write what it achieved (Ctrl+Enter).</translation>
    </message>
    <message>
        <source>&amp;Vervallen…</source>
        <translation>Let &amp;lapse…</translation>
    </message>
    <message>
        <source>De actie gaat niet door; geef de reden.</source>
        <translation>The action will not go ahead; give the reason.</translation>
    </message>
    <message>
        <source>Nieuwe &amp;deadline…</source>
        <translation>New &amp;deadline…</translation>
    </message>
    <message>
        <source>Nog geen acties op deze casus.</source>
        <translation>No actions on this case yet.</translation>
    </message>
    <message>
        <source>U kunt de acties van uw eigen organisatie bijwerken.</source>
        <translation>You can update the actions of your own organisation.</translation>
    </message>
    <message>
        <source>Actie {ref} afronden</source>
        <translation>Complete action {ref}</translation>
    </message>
    <message>
        <source>{type} door {owner}. Wat heeft de actie opgeleverd? Schrijf het kort, zonder namen.</source>
        <translation>{type} by {owner}. What did the action achieve? Keep it brief, without names.</translation>
    </message>
    <message>
        <source>&amp;Resultaat:</source>
        <translation>&amp;Result:</translation>
    </message>
    <message>
        <source>Afronden</source>
        <translation>Complete</translation>
    </message>
    <message>
        <source>Actie {ref} laten vervallen</source>
        <translation>Let action {ref} lapse</translation>
    </message>
    <message>
        <source>{type} door {owner} gaat niet door. Waarom niet?</source>
        <translation>{type} by {owner} will not go ahead. Why not?</translation>
    </message>
    <message>
        <source>&amp;Reden:</source>
        <translation>&amp;Reason:</translation>
    </message>
    <message>
        <source>Laten vervallen</source>
        <translation>Let lapse</translation>
    </message>
</context>
<context>
    <name>AddPersonDialog</name>
    <message>
        <source>Betrokkene toevoegen</source>
        <translation>Add person involved</translation>
    </message>
    <message>
        <source>Betrokkene bij casus {ref}. Leg alleen vast wat het werk nodig heeft: naam, geboortejaar en rol.</source>
        <translation>Person involved in case {ref}. Record only what the work needs: name, birth year and role.</translation>
    </message>
    <message>
        <source>bijv. 1979; mag leeg blijven</source>
        <translation>e.g. 1979; may stay empty</translation>
    </message>
    <message>
        <source>&amp;Naam:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Geboortejaar:</source>
        <translation>&amp;Birth year:</translation>
    </message>
    <message>
        <source>&amp;Rol:</source>
        <translation>&amp;Role:</translation>
    </message>
    <message>
        <source>Toevoegen</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>Geboortejaar &apos;{text}&apos; is geen jaartal; typ vier cijfers of laat het leeg.</source>
        <translation>Birth year &apos;{text}&apos; is not a year; type four digits or leave it empty.</translation>
    </message>
</context>
<context>
    <name>AddUserDialog</name>
    <message>
        <source>Gebruiker toevoegen</source>
        <translation>Add user</translation>
    </message>
    <message>
        <source>De gebruiker krijgt een eigen sleutel tot de opslag. Geef het wachtwoord persoonlijk door; de gebruiker wijzigt het bij voorkeur meteen.</source>
        <translation>The user gets their own key to the store. Hand over the passphrase in person; the user preferably changes it at once.</translation>
    </message>
    <message>
        <source>(geen)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>&amp;Gebruikersnaam:</source>
        <translation>&amp;User name:</translation>
    </message>
    <message>
        <source>&amp;Naam:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Rol:</source>
        <translation>&amp;Role:</translation>
    </message>
    <message>
        <source>&amp;Organisatie:</source>
        <translation>&amp;Organisation:</translation>
    </message>
    <message>
        <source>&amp;Focusgebieden:</source>
        <translation>&amp;Focus areas:</translation>
    </message>
    <message>
        <source>&amp;Wachtwoord:</source>
        <translation>&amp;Passphrase:</translation>
    </message>
    <message>
        <source>&amp;Herhaal wachtwoord:</source>
        <translation>&amp;Repeat passphrase:</translation>
    </message>
    <message>
        <source>De twee wachtwoorden zijn niet gelijk. Typ ze opnieuw.</source>
        <translation>The two passphrases differ. Type them again.</translation>
    </message>
    <message>
        <source>De sleutel van de gebruiker wordt gemaakt…</source>
        <translation>The user&apos;s key is being made…</translation>
    </message>
</context>
<context>
    <name>AddressSection</name>
    <message>
        <source>bijv. a</source>
        <translation>e.g. a</translation>
    </message>
    <message>
        <source>Toevoeging</source>
        <translation>Addition</translation>
    </message>
    <message>
        <source>Huisnummer</source>
        <translation>House number</translation>
    </message>
    <message>
        <source>Plaats</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation>Postcode</translation>
    </message>
    <message>
        <source>Straat</source>
        <translation>Street</translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <source>Beheer</source>
        <translation>Administration</translation>
    </message>
    <message>
        <source>Op een centrum maakt de beheerder van de server de back-ups (sociaalveilig-server backup); hier is er niets te doen.</source>
        <translation>On a centre the server&apos;s administrator makes the backups (sociaalveilig-server backup); there is nothing to do here.</translation>
    </message>
</context>
<context>
    <name>AgendaBuilder</name>
    <message>
        <source>Omhoog</source>
        <translation>Up</translation>
    </message>
    <message>
        <source>Eerder bespreken (Ctrl+Omhoog)</source>
        <translation>Discuss earlier (Ctrl+Up)</translation>
    </message>
    <message>
        <source>Omlaag</source>
        <translation>Down</translation>
    </message>
    <message>
        <source>Later bespreken (Ctrl+Omlaag)</source>
        <translation>Discuss later (Ctrl+Down)</translation>
    </message>
    <message>
        <source>Van de agenda halen</source>
        <translation>Take off the agenda</translation>
    </message>
    <message>
        <source>signaal- of casusreferentie, of zoek de casus (F4) op adres of naam</source>
        <translation>signal or case reference, or search for the case (F4) by address or name</translation>
    </message>
    <message>
        <source>Casus op de agenda zetten</source>
        <translation>Put case on the agenda</translation>
    </message>
    <message>
        <source>Casus zoeken…</source>
        <translation>Search for case…</translation>
    </message>
    <message>
        <source>&amp;Toevoegen</source>
        <translation>&amp;Add</translation>
    </message>
    <message>
        <source>Agenda is &amp;verstuurd</source>
        <translation>Agenda has been &amp;sent</translation>
    </message>
    <message>
        <source>Noteer dat de agenda naar de partners is gegaan (stopt de herinnering).</source>
        <translation>Note that the agenda has gone to the partners (stops the reminder).</translation>
    </message>
    <message>
        <source>Toe&amp;voegen:</source>
        <translation>A&amp;dd:</translation>
    </message>
    <message>
        <source>&amp;Voorstellen ophalen</source>
        <translation>&amp;Fetch proposals</translation>
    </message>
    <message>
        <source>Aangevinkte op de &amp;agenda zetten</source>
        <translation>Put ticked items on the &amp;agenda</translation>
    </message>
    <message>
        <source>Voorstellen voor de agenda</source>
        <translation>Proposals for the agenda</translation>
    </message>
    <message>
        <source>Verstuurd op {date}</source>
        <translation>Sent on {date}</translation>
    </message>
    <message>
        <source>{n} voorstel(len): nieuwe signalen voor dit overleg, evaluaties, lopende opschalingen en afschalingen. Vink uit wat kan wachten.</source>
        <translation>{n} proposal(s): new signals for this meeting, reviews, running escalations and de-escalations. Untick what can wait.</translation>
    </message>
    <message>
        <source>Er is niets voor te stellen.</source>
        <translation>There is nothing to propose.</translation>
    </message>
    <message>
        <source>Haal voorstellen op: het programma zoekt wat op deze agenda hoort.</source>
        <translation>Fetch proposals: the program looks for what belongs on this agenda.</translation>
    </message>
</context>
<context>
    <name>AgendaProposalTableModel</name>
    <message>
        <source>Casus of signaal</source>
        <translation>Case or signal</translation>
    </message>
    <message>
        <source>Adres</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Reden</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Toelichting</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>AgendaTableModel</name>
    <message>
        <source>Casus {ref}</source>
        <translation>Case {ref}</translation>
    </message>
    <message>
        <source>Signaal {ref}</source>
        <translation>Signal {ref}</translation>
    </message>
    <message>
        <source> · {n} actie(s)</source>
        <translation> · {n} action(s)</translation>
    </message>
    <message>
        <source>Besloten</source>
        <translation>Decided</translation>
    </message>
    <message>
        <source>Casus</source>
        <translation>Case</translation>
    </message>
    <message>
        <source>Adres</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Categorie</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Reden</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Besluit</source>
        <translation>Decision</translation>
    </message>
</context>
<context>
    <name>AreaText</name>
    <message>
        <source>geen</source>
        <translation>none</translation>
    </message>
    <message>
        <source>Geen focusgebied</source>
        <translation>No focus area</translation>
    </message>
    <message>
        <source>geen ({municipality})</source>
        <translation>none ({municipality})</translation>
    </message>
    <message>
        <source>Geen focusgebied; gemeente {municipality}</source>
        <translation>No focus area; municipality {municipality}</translation>
    </message>
</context>
<context>
    <name>AuditLogPanel</name>
    <message>
        <source>Auditketen: nog niet gecontroleerd.</source>
        <translation>Audit chain: not checked yet.</translation>
    </message>
    <message>
        <source>Keten &amp;controleren</source>
        <translation>&amp;Check chain</translation>
    </message>
    <message>
        <source>bijv. P-2026-000015</source>
        <translation>e.g. P-2026-000015</translation>
    </message>
    <message>
        <source>bijv. C-2026-00042</source>
        <translation>e.g. C-2026-00042</translation>
    </message>
    <message>
        <source>Alle uitkomsten</source>
        <translation>All outcomes</translation>
    </message>
    <message>
        <source>Vanaf</source>
        <translation>From</translation>
    </message>
    <message>
        <source>Tot en met</source>
        <translation>Up to and including</translation>
    </message>
    <message>
        <source>&amp;Zoeken</source>
        <translation>&amp;Search</translation>
    </message>
    <message>
        <source>Filter &amp;wissen</source>
        <translation>&amp;Clear filter</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>Filter</translation>
    </message>
    <message>
        <source>Persoon (referentie)</source>
        <translation>Person (reference)</translation>
    </message>
    <message>
        <source>Casus of object</source>
        <translation>Case or object</translation>
    </message>
    <message>
        <source>Gebruiker</source>
        <translation>User</translation>
    </message>
    <message>
        <source>Actie</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Uitkomst</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>Periode</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>◀ &amp;Nieuwere</source>
        <translation>◀ &amp;Newer</translation>
    </message>
    <message>
        <source>&amp;Oudere ▶</source>
        <translation>&amp;Older ▶</translation>
    </message>
    <message>
        <source>&amp;Exporteren (CSV)…</source>
        <translation>&amp;Export (CSV)…</translation>
    </message>
    <message>
        <source>Het bekijken en exporteren van het auditlog wordt zelf ook vastgelegd.</source>
        <translation>Viewing and exporting the audit log is itself recorded too.</translation>
    </message>
    <message>
        <source>Alle gebruikers</source>
        <translation>All users</translation>
    </message>
    <message>
        <source>Alle acties</source>
        <translation>All actions</translation>
    </message>
    <message>
        <source>Auditketen wordt gecontroleerd…</source>
        <translation>Checking the audit chain…</translation>
    </message>
    <message>
        <source>Geen regels gevonden met dit filter.</source>
        <translation>No rows found with this filter.</translation>
    </message>
    <message>
        <source>meer dan {n}</source>
        <translation>more than {n}</translation>
    </message>
    <message>
        <source>Regels {first}–{last} van {total}, nieuwste eerst</source>
        <translation>Rows {first}–{last} of {total}, newest first</translation>
    </message>
    <message>
        <source>Sindsdien {n} nieuwe regels (nog niet gecontroleerd): samen {total}.</source>
        <translation>Since then {n} new rows (not checked yet): {total} in all.</translation>
    </message>
    <message>
        <source>Auditlog exporteren als</source>
        <translation>Export audit log as</translation>
    </message>
    <message>
        <source>CSV-bestanden (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <source>{n} regels geëxporteerd naar {path}.</source>
        <translation>{n} rows exported to {path}.</translation>
    </message>
    <message>
        <source>Het auditlog wordt geëxporteerd…</source>
        <translation>Exporting the audit log…</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <source>Auditlog</source>
        <translation>Audit log</translation>
    </message>
    <message>
        <source>Noodknop</source>
        <translation>Emergency access</translation>
    </message>
    <message>
        <source>Bewaartermijnen</source>
        <translation>Retention periods</translation>
    </message>
    <message>
        <source>Inzageverzoek (AVG art. 15)</source>
        <translation>Access request (GDPR art. 15)</translation>
    </message>
    <message>
        <source>Privacy</source>
        <translation>Privacy</translation>
    </message>
</context>
<context>
    <name>AuditTableModel</name>
    <message>
        <source>Tijd</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>UTC: {at} · regel {id}</source>
        <translation>UTC: {at} · row {id}</translation>
    </message>
    <message>
        <source>Gebruiker</source>
        <translation>User</translation>
    </message>
    <message>
        <source>Rol</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Actie</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>Object</translation>
    </message>
    <message>
        <source>Persoon</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Doel / reden</source>
        <translation>Purpose / reason</translation>
    </message>
    <message>
        <source>Uitkomst</source>
        <translation>Outcome</translation>
    </message>
</context>
<context>
    <name>BackupPanel</name>
    <message>
        <source>Hier verschijnt het resultaat.</source>
        <translation>The result appears here.</translation>
    </message>
    <message>
        <source>Automatische back-up (dagelijks)</source>
        <translation>Automatic backup (daily)</translation>
    </message>
    <message>
        <source>Eén keer per dag maakt het programma een gecontroleerde back-up in de gekozen map, bij voorkeur op een andere schijf of netwerkmap. De oudste automatische back-ups boven het gekozen aantal worden opgeruimd; andere bestanden in de map blijven staan.</source>
        <translation>Once a day the program makes a verified backup in the chosen folder, preferably on another drive or network folder. The oldest automatic backups beyond the chosen number are cleaned up; other files in the folder stay.</translation>
    </message>
    <message>
        <source>geen map: automatische back-up staat uit</source>
        <translation>no folder: automatic backup is off</translation>
    </message>
    <message>
        <source>&amp;Kiezen…</source>
        <translation>&amp;Choose…</translation>
    </message>
    <message>
        <source> back-ups</source>
        <translation> backups</translation>
    </message>
    <message>
        <source>&amp;Map:</source>
        <translation>&amp;Folder:</translation>
    </message>
    <message>
        <source>&amp;Bewaar de laatste:</source>
        <translation>&amp;Keep the last:</translation>
    </message>
    <message>
        <source>Laatste back-up:</source>
        <translation>Last backup:</translation>
    </message>
    <message>
        <source>Instellingen &amp;opslaan</source>
        <translation>&amp;Save settings</translation>
    </message>
    <message>
        <source>&amp;Nu back-up maken</source>
        <translation>Back up &amp;now</translation>
    </message>
    <message>
        <source>Maakt nu een automatische back-up in de gekozen map, ook als die van vandaag er al is.</source>
        <translation>Makes an automatic backup in the chosen folder now, even if today&apos;s already exists.</translation>
    </message>
    <message>
        <source>Back-up met de hand</source>
        <translation>Backup by hand</translation>
    </message>
    <message>
        <source>&amp;Back-up maken…</source>
        <translation>&amp;Make backup…</translation>
    </message>
    <message>
        <source>Opslag &amp;controleren</source>
        <translation>&amp;Verify store</translation>
    </message>
    <message>
        <source>Eén versleuteld bestand (.svbackup) met de database en de sleutels, gecontroleerd voordat het wordt weggezet. Bewaar het op een andere schijf dan de opslag.</source>
        <translation>One encrypted file (.svbackup) with the database and the keys, verified before it is put away. Keep it on another drive than the store.</translation>
    </message>
    <message>
        <source>Herstellen</source>
        <translation>Restore</translation>
    </message>
    <message>
        <source>&amp;Herstellen uit back-up…</source>
        <translation>&amp;Restore from backup…</translation>
    </message>
    <message>
        <source>Herstellen gebeurt in een nieuwe, lege map; de huidige opslag blijft zoals hij is. Open daarna de herstelde map bij de volgende start.</source>
        <translation>Restoring happens in a new, empty folder; the current store stays as it is. Then open the restored folder at the next start.</translation>
    </message>
    <message>
        <source>Back-up</source>
        <translation>Backup</translation>
    </message>
    <message>
        <source>Automatische back-up staat uit: kies een map en sla op.</source>
        <translation>Automatic backup is off: choose a folder and save.</translation>
    </message>
    <message>
        <source>Nog geen automatische back-up gemaakt.</source>
        <translation>No automatic backup made yet.</translation>
    </message>
    <message>
        <source>{when} · {file}</source>
        <translation>{when} · {file}</translation>
    </message>
    <message>
        <source>Map voor de automatische back-ups</source>
        <translation>Folder for the automatic backups</translation>
    </message>
    <message>
        <source>Automatische back-up staat uit.</source>
        <translation>Automatic backup is off.</translation>
    </message>
    <message>
        <source>Opgeslagen: elke dag een back-up in {folder}; de laatste {keep} blijven bewaard.</source>
        <translation>Saved: a backup every day in {folder}; the last {keep} are kept.</translation>
    </message>
    <message>
        <source>De back-up wordt gemaakt en gecontroleerd…</source>
        <translation>Making and verifying the backup…</translation>
    </message>
    <message>
        <source>Opgeruimd: {names}</source>
        <translation>Cleaned up: {names}</translation>
    </message>
    <message>
        <source>Back-up opslaan als</source>
        <translation>Save backup as</translation>
    </message>
    <message>
        <source>Back-up gemaakt en gecontroleerd: {path} ({size} MB).</source>
        <translation>Backup made and verified: {path} ({size} MB).</translation>
    </message>
    <message>
        <source>Auditketen tot regel {n}, kenmerk {hash}. Noteer dit buiten de computer.</source>
        <translation>Audit chain up to row {n}, fingerprint {hash}. Write this down away from the computer.</translation>
    </message>
    <message>
        <source>De opslag wordt gecontroleerd…</source>
        <translation>Verifying the store…</translation>
    </message>
    <message>
        <source>Back-up kiezen</source>
        <translation>Choose backup</translation>
    </message>
    <message>
        <source>Lege map voor de herstelde opslag</source>
        <translation>Empty folder for the restored store</translation>
    </message>
    <message>
        <source>Wachtwoord</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>Uw wachtwoord ({user}) om de back-up te openen:</source>
        <translation>Your passphrase ({user}) to open the backup:</translation>
    </message>
    <message>
        <source>De back-up wordt hersteld en gecontroleerd…</source>
        <translation>Restoring and verifying the backup…</translation>
    </message>
    <message>
        <source>Hersteld en gecontroleerd in {folder}. Start het programma met deze map om de herstelde opslag te gebruiken.</source>
        <translation>Restored and verified in {folder}. Start the program with this folder to use the restored store.</translation>
    </message>
</context>
<context>
    <name>BuurtschouwPage</name>
    <message>
        <source>Ook oudere schouwen</source>
        <translation>Also older walks</translation>
    </message>
    <message>
        <source>Buurtschouw &amp;plannen…</source>
        <translation>&amp;Plan neighbourhood walk…</translation>
    </message>
    <message>
        <source>&amp;Focusgebied:</source>
        <translation>&amp;Focus area:</translation>
    </message>
    <message>
        <source>Geen buurtschouwen gepland.</source>
        <translation>No neighbourhood walks planned.</translation>
    </message>
    <message>
        <source>Pakket voor onderweg</source>
        <translation>Pack for the walk</translation>
    </message>
    <message>
        <source>Openen als PDF</source>
        <translation>Open as PDF</translation>
    </message>
    <message>
        <source>Afdrukken…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>Schouw &amp;afronden</source>
        <translation>&amp;Complete walk</translation>
    </message>
    <message>
        <source>&amp;Signaal maken…</source>
        <translation>&amp;Make signal…</translation>
    </message>
    <message>
        <source>&amp;Checklist en bevindingen</source>
        <translation>&amp;Checklist and findings</translation>
    </message>
    <message>
        <source>Actie&amp;lijst</source>
        <translation>Action &amp;list</translation>
    </message>
    <message>
        <source>Buurtschouwen</source>
        <translation>Neighbourhood walks</translation>
    </message>
    <message>
        <source>Deze buurtschouw bestaat niet meer.</source>
        <translation>This neighbourhood walk no longer exists.</translation>
    </message>
    <message>
        <source>Kies een buurtschouw of plan er een.</source>
        <translation>Choose a neighbourhood walk or plan one.</translation>
    </message>
    <message>
        <source>{area} · {day} · {status}</source>
        <translation>{area} · {day} · {status}</translation>
    </message>
    <message>
        <source>Route: {streets}</source>
        <translation>Route: {streets}</translation>
    </message>
    <message>
        <source>Geen route vastgelegd.</source>
        <translation>No route recorded.</translation>
    </message>
    <message>
        <source>Bevindingen legt u vast vanaf de dag van de schouw.</source>
        <translation>You record findings from the day of the walk.</translation>
    </message>
    <message>
        <source>Schouw afronden</source>
        <translation>Complete walk</translation>
    </message>
    <message>
        <source>De schouw van {day} in {area} afronden? Daarna kunt u geen bevindingen meer toevoegen; de actielijst blijft.</source>
        <translation>Complete the walk of {day} in {area}? After that you cannot add findings; the action list stays.</translation>
    </message>
    <message>
        <source>&amp;Afronden</source>
        <translation>&amp;Complete</translation>
    </message>
    <message>
        <source>Nog niet</source>
        <translation>Not yet</translation>
    </message>
    <message>
        <source>Het pakket wordt gemaakt…</source>
        <translation>Making the pack…</translation>
    </message>
</context>
<context>
    <name>CaseActionsModel</name>
    <message>
        <source>Referentie</source>
        <translation>Reference</translation>
    </message>
    <message>
        <source>Actie</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Eigenaar</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Omschrijving</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>{date} ({days} dagen te laat)</source>
        <translation>{date} ({days} days late)</translation>
    </message>
</context>
<context>
    <name>CaseAgendaModel</name>
    <message>
        <source>Overleg</source>
        <translation>Meeting</translation>
    </message>
    <message>
        <source>Soort</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Focusgebied</source>
        <translation>Focus area</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Besluit</source>
        <translation>Decision</translation>
    </message>
</context>
<context>
    <name>CaseChoiceBox</name>
    <message>
        <source>Casus</source>
        <translation>Case</translation>
    </message>
    <message>
        <source>Open casus op dit adres: {ref} ({status})</source>
        <translation>Open case at this address: {ref} ({status})</translation>
    </message>
    <message>
        <source>Open casus {ref} ({status}), zelfde betrokkene</source>
        <translation>Open case {ref} ({status}), same person involved</translation>
    </message>
    <message>
        <source>Nieuwe casus op dit adres</source>
        <translation>New case at this address</translation>
    </message>
    <message>
        <source>Nieuwe casus op dit adres (voorgesteld)</source>
        <translation>New case at this address (suggested)</translation>
    </message>
    <message>
        <source>Voorgesteld omdat dit signaal over een persoon of huishouden gaat. Kies het zelf als er een casus moet komen.</source>
        <translation>Suggested because this signal is about a person or household. Choose it yourself if a case is needed.</translation>
    </message>
    <message>
        <source>Geen casus (alleen routeren)</source>
        <translation>No case (route only)</translation>
    </message>
</context>
<context>
    <name>CaseChoiceModel</name>
    <message>
        <source>Casus</source>
        <translation>Case</translation>
    </message>
    <message>
        <source>Adres</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Focusgebied</source>
        <translation>Focus area</translation>
    </message>
    <message>
        <source>Betrokkene</source>
        <translation>Person involved</translation>
    </message>
</context>
<context>
    <name>CaseFindButton</name>
    <message>
        <source>Zoeken…</source>
        <translation>Search…</translation>
    </message>
    <message>
        <source>De casus zoeken op adres, postcode of naam van een betrokkene (F4).</source>
        <translation>Search for the case by address, postcode or name of a person involved (F4).</translation>
    </message>
</context>
<context>
    <name>CaseHeader</name>
    <message>
        <source>← Terug naar de lijst</source>
        <translation>← Back to the list</translation>
    </message>
    <message>
        <source>Afdrukken</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>Het casusoverzicht als PDF openen of afdrukken.</source>
        <translation>Open or print the case summary as a PDF.</translation>
    </message>
    <message>
        <source>Casusoverzicht openen als PDF</source>
        <translation>Open case summary as PDF</translation>
    </message>
    <message>
        <source>Casusoverzicht afdrukken…</source>
        <translation>Print case summary…</translation>
    </message>
    <message>
        <source>Adres kopiëren</source>
        <translation>Copy address</translation>
    </message>
    <message>
        <source>Kopieert het adres; na 30 seconden wordt het klembord weer leeggemaakt.</source>
        <translation>Copies the address; after 30 seconds the clipboard is emptied again.</translation>
    </message>
    <message>
        <source>Adres</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Focusgebied</source>
        <translation>Focus area</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Risico</source>
        <translation>Risk</translation>
    </message>
    <message>
        <source>Casusregisseur</source>
        <translation>Case manager</translation>
    </message>
    <message>
        <source>Volgende evaluatie</source>
        <translation>Next review</translation>
    </message>
    <message>
        <source>Kiezen…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>De casusregisseur (partner) kiezen of wijzigen.</source>
        <translation>Choose or change the case manager (partner).</translation>
    </message>
    <message>
        <source>ZVH-criteria bekijken…</source>
        <translation>View ZVH criteria…</translation>
    </message>
</context>
<context>
    <name>CasePicker</name>
    <message>
        <source>Casus kiezen</source>
        <translation>Choose case</translation>
    </message>
    <message>
        <source>Zoek de casus op referentie, straat, postcode, plaats of de naam van een betrokkene (een deel is genoeg).</source>
        <translation>Search for the case by reference, street, postcode, town or the name of a person involved (part is enough).</translation>
    </message>
    <message>
        <source>Typ bijvoorbeeld C-2026-00042, Akerstraat, 6411 of een naam.</source>
        <translation>Type for example C-2026-00042, Akerstraat, 6411 or a name.</translation>
    </message>
</context>
<context>
    <name>CaseTableModel</name>
    <message>
        <source>Referentie</source>
        <translation>Reference</translation>
    </message>
    <message>
        <source>Adres</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Focusgebied</source>
        <translation>Focus area</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Risico</source>
        <translation>Risk</translation>
    </message>
    <message>
        <source>Casusregisseur</source>
        <translation>Case manager</translation>
    </message>
    <message>
        <source>Volgende evaluatie</source>
        <translation>Next review</translation>
    </message>
    <message>
        <source>Bespreking is te laat</source>
        <translation>Discussion is overdue</translation>
    </message>
    <message>
        <source>Signalen</source>
        <translation>Signals</translation>
    </message>
    <message>
        <source>Aangemaakt</source>
        <translation>Created</translation>
    </message>
</context>
<context>
    <name>CaseView</name>
    <message>
        <source>ZVH-criteria…</source>
        <translation>ZVH criteria…</translation>
    </message>
    <message>
        <source>De ZVH-criteria van deze casus vastleggen, met de feiten ernaast.</source>
        <translation>Record the ZVH criteria of this case, with the facts beside them.</translation>
    </message>
    <message>
        <source>Volgende stap:</source>
        <translation>Next step:</translation>
    </message>
    <message>
        <source>Risico:</source>
        <translation>Risk:</translation>
    </message>
    <message>
        <source>Betrokkene &amp;toevoegen…</source>
        <translation>&amp;Add person involved…</translation>
    </message>
    <message>
        <source>Betrokkenen</source>
        <translation>Persons involved</translation>
    </message>
    <message>
        <source>Casus laden…</source>
        <translation>Loading case…</translation>
    </message>
    <message>
        <source>Casus {ref}</source>
        <translation>Case {ref}</translation>
    </message>
    <message>
        <source>Geopend met de noodknop: buiten uw werkgebied; dit is vastgelegd.</source>
        <translation>Opened with emergency access: outside your area; this has been recorded.</translation>
    </message>
    <message>
        <source>Gepseudonimiseerd: alleen initialen en postcodegebied.</source>
        <translation>Pseudonymised: initials and postcode area only.</translation>
    </message>
    <message>
        <source>Postcode valt buiten de postcodetabel: controleer het adres.</source>
        <translation>Postcode is not in the postcode table: check the address.</translation>
    </message>
    <message>
        <source>geen focusgebied ({municipality})</source>
        <translation>no focus area ({municipality})</translation>
    </message>
    <message>
        <source>nog niet gekozen</source>
        <translation>not chosen yet</translation>
    </message>
    <message>
        <source> (te laat)</source>
        <translation> (late)</translation>
    </message>
    <message>
        <source>Heropen de casus om dit te wijzigen.</source>
        <translation>Reopen the case to change this.</translation>
    </message>
    <message>
        <source>de ZVH</source>
        <translation>the ZVH</translation>
    </message>
    <message>
        <source>Het programma stelt voor deze casus op te schalen naar {target}. U beslist.
{reasons}</source>
        <translation>The program proposes escalating this case to {target}. You decide.
{reasons}</translation>
    </message>
    <message>
        <source>Het casusoverzicht wordt gemaakt…</source>
        <translation>Making the case summary…</translation>
    </message>
</context>
<context>
    <name>CaseVisitsModel</name>
    <message>
        <source>Wanneer</source>
        <translation>When</translation>
    </message>
    <message>
        <source>Soort</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Gezamenlijk</source>
        <translation>Joint</translation>
    </message>
    <message>
        <source>Huisbezoek</source>
        <translation>Home visit</translation>
    </message>
    <message>
        <source>Partners</source>
        <translation>Partners</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Doel en uitkomst</source>
        <translation>Purpose and outcome</translation>
    </message>
</context>
<context>
    <name>CaseWorkSteps</name>
    <message>
        <source>&amp;Actie toevoegen…</source>
        <translation>Add ac&amp;tion…</translation>
    </message>
    <message>
        <source>Huis&amp;bezoek plannen…</source>
        <translation>Plan home &amp;visit…</translation>
    </message>
    <message>
        <source>Op a&amp;genda zetten…</source>
        <translation>Put on a&amp;genda…</translation>
    </message>
    <message>
        <source>Signaal &amp;koppelen…</source>
        <translation>Lin&amp;k signal…</translation>
    </message>
    <message>
        <source>Op agenda zetten</source>
        <translation>Put on agenda</translation>
    </message>
    <message>
        <source>Er is de komende maanden geen gepland overleg in het focusgebied van deze casus. Plan eerst een overleg op de pagina Overleggen.</source>
        <translation>There is no planned meeting in the focus area of this case in the coming months. First plan a meeting on the Meetings page.</translation>
    </message>
    <message>
        <source>{ref} op de agenda zetten</source>
        <translation>Put {ref} on the agenda</translation>
    </message>
    <message>
        <source>Kies het overleg van het focusgebied van de casus. Typ om te filteren.</source>
        <translation>Choose the meeting of the case&apos;s focus area. Type to filter.</translation>
    </message>
    <message>
        <source>Deze casus staat al op de agenda van dat overleg.</source>
        <translation>This case is already on the agenda of that meeting.</translation>
    </message>
    <message>
        <source>Signaal koppelen aan {ref}</source>
        <translation>Link signal to {ref}</translation>
    </message>
    <message>
        <source>Zoek het signaal zonder casus op referentie, adres, woorden uit de omschrijving of de naam van een betrokkene.</source>
        <translation>Search for the signal without a case by reference, address, words from the description or the name of a person involved.</translation>
    </message>
    <message>
        <source>Signaal {signal} koppelen aan {case}</source>
        <translation>Link signal {signal} to {case}</translation>
    </message>
    <message>
        <source>Waarom hoort dit signaal bij deze casus? Dit komt in de geschiedenis.</source>
        <translation>Why does this signal belong to this case? This goes into the history.</translation>
    </message>
    <message>
        <source>&amp;Reden:</source>
        <translation>&amp;Reason:</translation>
    </message>
    <message>
        <source>Koppelen</source>
        <translation>Link</translation>
    </message>
</context>
<context>
    <name>CaseWorkTabs</name>
    <message>
        <source>Enter of dubbelklik: openen in Huisbezoeken</source>
        <translation>Enter or double-click: open in Home visits</translation>
    </message>
    <message>
        <source>Enter of dubbelklik: openen in Overleggen</source>
        <translation>Enter or double-click: open in Meetings</translation>
    </message>
    <message>
        <source>T&amp;ijdlijn</source>
        <translation>T&amp;imeline</translation>
    </message>
    <message>
        <source>A&amp;cties</source>
        <translation>A&amp;ctions</translation>
    </message>
    <message>
        <source>&amp;Huisbezoeken</source>
        <translation>&amp;Home visits</translation>
    </message>
    <message>
        <source>Over&amp;leg</source>
        <translation>&amp;Meetings</translation>
    </message>
    <message>
        <source>Enter of dubbelklik: openen waar het werk gebeurt</source>
        <translation>Enter or double-click: open where the work is done</translation>
    </message>
    <message>
        <source>A&amp;cties ({open} open van {all})</source>
        <translation>A&amp;ctions ({open} open of {all})</translation>
    </message>
    <message>
        <source>&amp;Huisbezoeken ({planned} gepland van {all})</source>
        <translation>&amp;Home visits ({planned} planned of {all})</translation>
    </message>
    <message>
        <source>Over&amp;leg ({n})</source>
        <translation>&amp;Meetings ({n})</translation>
    </message>
</context>
<context>
    <name>CasesPage</name>
    <message>
        <source>Zoeken in casussen: referentie, adres, postcode, naam betrokkene…</source>
        <translation>Search cases: reference, address, postcode, name of person involved…</translation>
    </message>
    <message>
        <source>Focusgebied</source>
        <translation>Focus area</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Risico</source>
        <translation>Risk</translation>
    </message>
    <message>
        <source>Alleen open</source>
        <translation>Open only</translation>
    </message>
    <message>
        <source>Evaluatie te laat</source>
        <translation>Review overdue</translation>
    </message>
    <message>
        <source>Casussen</source>
        <translation>Cases</translation>
    </message>
    <message>
        <source>Zoeken op casusreferentie, bijvoorbeeld C-2026-00042…</source>
        <translation>Search by case reference, for example C-2026-00042…</translation>
    </message>
    <message>
        <source>Zoeken…</source>
        <translation>Search…</translation>
    </message>
    <message>
        <source>{n} casus</source>
        <translation>{n} case</translation>
    </message>
    <message>
        <source>{n} casussen</source>
        <translation>{n} cases</translation>
    </message>
    <message>
        <source>Geen casussen gevonden met deze zoekwoorden of filters.</source>
        <translation>No cases found with these search words or filters.</translation>
    </message>
    <message>
        <source>Noodknop</source>
        <translation>Emergency access</translation>
    </message>
    <message>
        <source>Deze casus valt buiten uw werkgebied. Wilt u hem toch openen, geef dan de reden. Dit wordt vastgelegd en de beheerder ziet het.</source>
        <translation>This case is outside your area. If you still want to open it, give the reason. This is recorded and the administrator sees it.</translation>
    </message>
</context>
<context>
    <name>CategoriesPanel</name>
    <message>
        <source>Ook vervallen categorieën tonen</source>
        <translation>Also show retired categories</translation>
    </message>
    <message>
        <source>&amp;Nieuwe categorie…</source>
        <translation>&amp;New category…</translation>
    </message>
    <message>
        <source>&amp;Wijzigen…</source>
        <translation>&amp;Change…</translation>
    </message>
    <message>
        <source>De behandeltermijn in werkdagen bepaalt wanneer een signaal over tijd is (weekenden en feestdagen tellen niet mee). Codes veranderen nooit.</source>
        <translation>The handling term in working days decides when a signal is overdue (weekends and public holidays do not count). Codes never change.</translation>
    </message>
    <message>
        <source>Categorieën</source>
        <translation>Categories</translation>
    </message>
</context>
<context>
    <name>CategoryDialog</name>
    <message>
        <source>Categorie wijzigen</source>
        <translation>Change category</translation>
    </message>
    <message>
        <source>Nieuwe categorie</source>
        <translation>New category</translation>
    </message>
    <message>
        <source>Een nieuwe termijn geldt voor signalen die vanaf nu binnenkomen. Een categorie die niet meer gebruikt wordt, zet u op niet actief; de code blijft bestaan.</source>
        <translation>A new term applies to signals that come in from now on. A category that is no longer used is set to inactive; the code stays.</translation>
    </message>
    <message>
        <source> werkdagen</source>
        <translation> working days</translation>
    </message>
    <message>
        <source>Actief (te kiezen bij nieuwe signalen)</source>
        <translation>Active (can be chosen for new signals)</translation>
    </message>
    <message>
        <source>&amp;Code:</source>
        <translation>&amp;Code:</translation>
    </message>
    <message>
        <source>&amp;Naam:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Hoofdcategorie:</source>
        <translation>&amp;Main category:</translation>
    </message>
    <message>
        <source>&amp;Overleg:</source>
        <translation>&amp;Meeting:</translation>
    </message>
    <message>
        <source>&amp;Behandeltermijn:</source>
        <translation>&amp;Handling term:</translation>
    </message>
</context>
<context>
    <name>CategoryTableModel</name>
    <message>
        <source>Fysieke leefomgeving</source>
        <translation>Physical environment</translation>
    </message>
    <message>
        <source>Achter de voordeur</source>
        <translation>Behind the front door</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Naam</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Hoofdcategorie</source>
        <translation>Main category</translation>
    </message>
    <message>
        <source>Overleg</source>
        <translation>Meeting</translation>
    </message>
    <message>
        <source>Termijn (werkdagen)</source>
        <translation>Term (working days)</translation>
    </message>
    <message>
        <source>Actief</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>ja</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>nee (vervallen)</source>
        <translation>no (retired)</translation>
    </message>
</context>
<context>
    <name>CentreAddress</name>
    <message>
        <source>Vul het adres van de server van het centrum in, bijvoorbeeld {example}.</source>
        <translation>Enter the address of the centre&apos;s server, for example {example}.</translation>
    </message>
    <message>
        <source>&apos;{url}&apos; is geen adres van een server. Begin met https://, bijvoorbeeld {example}.</source>
        <translation>&apos;{url}&apos; is not a server address. Start with https://, for example {example}.</translation>
    </message>
    <message>
        <source>Een centrum op een ander apparaat gebruikt https:// (versleuteld); http:// kan alleen op deze computer (127.0.0.1). Vraag de beheerder om het https-adres.</source>
        <translation>A centre on another machine uses https:// (encrypted); http:// only works on this computer (127.0.0.1). Ask the administrator for the https address.</translation>
    </message>
    <message>
        <source>Het certificaatbestand {path} bestaat niet. Kies het bestand dat de beheerder gaf.</source>
        <translation>The certificate file {path} does not exist. Choose the file the administrator gave you.</translation>
    </message>
</context>
<context>
    <name>CentreAddressFields</name>
    <message>
        <source>Certificaat kiezen…</source>
        <translation>Choose certificate…</translation>
    </message>
    <message>
        <source>Alleen nodig als het centrum een eigen certificaat gebruikt: de beheerder geeft u dan het bestand (.pem) om te vertrouwen.</source>
        <translation>Only needed when the centre uses its own certificate: the administrator then gives you the file (.pem) to trust.</translation>
    </message>
    <message>
        <source>Geen</source>
        <translation>None</translation>
    </message>
    <message>
        <source>Adres van de server</source>
        <translation>Server address</translation>
    </message>
    <message>
        <source>Certificaat (optioneel)</source>
        <translation>Certificate (optional)</translation>
    </message>
    <message>
        <source>geen eigen certificaat</source>
        <translation>no certificate of its own</translation>
    </message>
    <message>
        <source>Kies het certificaat van het centrum</source>
        <translation>Choose the centre&apos;s certificate</translation>
    </message>
    <message>
        <source>Certificaat (*.pem *.crt);;Alle bestanden (*)</source>
        <translation>Certificate (*.pem *.crt);;All files (*)</translation>
    </message>
</context>
<context>
    <name>CentreBar</name>
    <message>
        <source>Nu opnieuw proberen</source>
        <translation>Try again now</translation>
    </message>
    <message>
        <source>Het centrum is niet bereikbaar; opnieuw verbinden…</source>
        <translation>The centre cannot be reached; connecting again…</translation>
    </message>
    <message>
        <source>Het centrum is niet bereikbaar; wat u ziet kan verouderd zijn en wat u invult blijft staan tot het weer lukt. Controleer uw netwerkverbinding. Nieuwe poging over {seconds} s.</source>
        <translation>The centre cannot be reached; what you see may be out of date, and what you type stays until it works again. Check your network connection. Next try in {seconds} s.</translation>
    </message>
</context>
<context>
    <name>CentreSignInDialog</name>
    <message>
        <source>Aanmelden bij het centrum</source>
        <translation>Sign in to the centre</translation>
    </message>
    <message>
        <source>Andere verbinding…</source>
        <translation>Other connection…</translation>
    </message>
    <message>
        <source>Werk met de opslag op deze computer of met een ander centrum.</source>
        <translation>Work with the store on this computer or with another centre.</translation>
    </message>
    <message>
        <source>Aanmelden</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <source>Afsluiten</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>Meld u aan bij het centrum met uw gebruikersnaam en wachtwoord.</source>
        <translation>Sign in to the centre with your user name and passphrase.</translation>
    </message>
    <message>
        <source>Centrum: {url}</source>
        <translation>Centre: {url}</translation>
    </message>
    <message>
        <source>Bezig met aanmelden bij het centrum…</source>
        <translation>Signing in to the centre…</translation>
    </message>
    <message>
        <source>{problem} Kies &apos;Andere verbinding…&apos; om het adres te verbeteren.</source>
        <translation>{problem} Choose &apos;Other connection…&apos; to correct the address.</translation>
    </message>
    <message>
        <source>{problem} Het adres is {url}; klopt dat, dan is de server misschien tijdelijk uit. Probeer het over een paar minuten opnieuw of bel de beheerder.</source>
        <translation>{problem} The address is {url}; if that is right, the server may be down for a while. Try again in a few minutes or call the administrator.</translation>
    </message>
</context>
<context>
    <name>ChangePassphraseDialog</name>
    <message>
        <source>Wachtwoord wijzigen</source>
        <translation>Change passphrase</translation>
    </message>
    <message>
        <source>Typ uw huidige wachtwoord en kies een nieuw. Alleen uw eigen sleutel wordt opnieuw versleuteld; de gegevens blijven zoals ze zijn.</source>
        <translation>Type your current passphrase and choose a new one. Only your own key is re-encrypted; the data stays as it is.</translation>
    </message>
    <message>
        <source>&amp;Huidig wachtwoord:</source>
        <translation>&amp;Current passphrase:</translation>
    </message>
    <message>
        <source>&amp;Nieuw wachtwoord:</source>
        <translation>&amp;New passphrase:</translation>
    </message>
    <message>
        <source>&amp;Herhaal nieuw wachtwoord:</source>
        <translation>&amp;Repeat new passphrase:</translation>
    </message>
    <message>
        <source>Vul uw huidige wachtwoord in.</source>
        <translation>Enter your current passphrase.</translation>
    </message>
    <message>
        <source>De twee nieuwe wachtwoorden zijn niet gelijk. Typ ze opnieuw.</source>
        <translation>The two new passphrases differ. Type them again.</translation>
    </message>
    <message>
        <source>Uw sleutel wordt opnieuw versleuteld…</source>
        <translation>Re-encrypting your key…</translation>
    </message>
</context>
<context>
    <name>ChangeRoleDialog</name>
    <message>
        <source>Rol wijzigen: {user}</source>
        <translation>Change role: {user}</translation>
    </message>
    <message>
        <source>De nieuwe rol geldt vanaf de volgende keer dat {name} de opslag opent. Het wachtwoord blijft hetzelfde.</source>
        <translation>The new role applies from the next time {name} opens the store. The passphrase stays the same.</translation>
    </message>
    <message>
        <source>(kies een organisatie)</source>
        <translation>(choose an organisation)</translation>
    </message>
    <message>
        <source>Alleen een partnergebruiker hoort bij een organisatie.</source>
        <translation>Only a partner user belongs to an organisation.</translation>
    </message>
    <message>
        <source>&amp;Rol:</source>
        <translation>&amp;Role:</translation>
    </message>
    <message>
        <source>&amp;Organisatie:</source>
        <translation>&amp;Organisation:</translation>
    </message>
    <message>
        <source>&amp;Focusgebieden:</source>
        <translation>&amp;Focus areas:</translation>
    </message>
    <message>
        <source>Rol opslaan</source>
        <translation>Save role</translation>
    </message>
    <message>
        <source>Een partnergebruiker hoort bij een organisatie: kies er een.</source>
        <translation>A partner user belongs to an organisation: choose one.</translation>
    </message>
</context>
<context>
    <name>ChecklistTree</name>
    <message>
        <source>Checklist</source>
        <translation>Checklist</translation>
    </message>
    <message>
        <source>Let op bij {item}: {hint}</source>
        <translation>Watch out at {item}: {hint}</translation>
    </message>
    <message>
        <source>Kies een punt: hier staat waar u op let.</source>
        <translation>Choose an item: here is what to look out for.</translation>
    </message>
</context>
<context>
    <name>ChooseOwnPassphraseDialog</name>
    <message>
        <source>Kies een eigen wachtwoord</source>
        <translation>Choose your own passphrase</translation>
    </message>
    <message>
        <source>De beheerder heeft een wachtwoord voor u ingesteld. Kies nu een eigen wachtwoord dat alleen u kent; daarna opent het programma.</source>
        <translation>The administrator has set a passphrase for you. Now choose your own passphrase that only you know; the program then opens.</translation>
    </message>
    <message>
        <source>Nieuw wachtwoord</source>
        <translation>New passphrase</translation>
    </message>
    <message>
        <source>Herhaal wachtwoord</source>
        <translation>Repeat passphrase</translation>
    </message>
    <message>
        <source>Wachtwoord instellen en aanmelden</source>
        <translation>Set passphrase and sign in</translation>
    </message>
    <message>
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Uw sleutel wordt opnieuw versleuteld…</source>
        <translation>Re-encrypting your key…</translation>
    </message>
    <message>
        <source>De twee wachtwoorden zijn niet gelijk. Typ ze opnieuw.</source>
        <translation>The two passphrases differ. Type them again.</translation>
    </message>
    <message>
        <source>Kies een ander wachtwoord dan dat van de beheerder.</source>
        <translation>Choose a passphrase different from the administrator&apos;s.</translation>
    </message>
</context>
<context>
    <name>ClashConfirm</name>
    <message>
        <source>{day} {start}–{end}</source>
        <translation>{day} {start}–{end}</translation>
    </message>
    <message>
        <source>{partners} is op {when} al bij een huisbezoek op {address} (casus {case}).</source>
        <translation>{partners} is already at a home visit at {address} on {when} (case {case}).</translation>
    </message>
    <message>
        <source>Op {address} staat op {when} al een huisbezoek (casus {case}).</source>
        <translation>A home visit is already planned at {address} on {when} (case {case}).</translation>
    </message>
    <message>
        <source>Dubbele boeking</source>
        <translation>Double booking</translation>
    </message>
    <message>
        <source>Dit huisbezoek valt samen met een ander gepland huisbezoek.</source>
        <translation>This home visit clashes with another planned home visit.</translation>
    </message>
    <message>
        <source>Toch plannen, of terug om een andere tijd of andere partners te kiezen?</source>
        <translation>Plan it anyway, or go back to choose another time or other partners?</translation>
    </message>
    <message>
        <source>&amp;Toch plannen</source>
        <translation>&amp;Plan anyway</translation>
    </message>
    <message>
        <source>&amp;Andere tijd kiezen</source>
        <translation>&amp;Choose another time</translation>
    </message>
</context>
<context>
    <name>CompleteActionDialog</name>
    <message>
        <source>Actie afronden</source>
        <translation>Complete action</translation>
    </message>
    <message>
        <source> · {n} dagen over de termijn</source>
        <translation> · {n} days past the term</translation>
    </message>
    <message>
        <source>Actie {ref}: {type} door {owner} (casus {case}), deadline {deadline}{late}.</source>
        <translation>Action {ref}: {type} by {owner} (case {case}), deadline {deadline}{late}.</translation>
    </message>
    <message>
        <source>&amp;Afgerond: de actie is uitgevoerd</source>
        <translation>&amp;Completed: the action has been carried out</translation>
    </message>
    <message>
        <source>&amp;Vervallen: de actie is niet meer nodig</source>
        <translation>&amp;Lapsed: the action is no longer needed</translation>
    </message>
    <message>
        <source>Kort: wat is er gedaan en wat kwam eruit? Geen namen.</source>
        <translation>Briefly: what was done and what came of it? No names.</translation>
    </message>
    <message>
        <source>Afronding:</source>
        <translation>Completion:</translation>
    </message>
    <message>
        <source>&amp;Resultaat of reden:</source>
        <translation>&amp;Result or reason:</translation>
    </message>
    <message>
        <source>Afronden</source>
        <translation>Complete</translation>
    </message>
    <message>
        <source>Schrijf kort het resultaat op.</source>
        <translation>Briefly write down the result.</translation>
    </message>
    <message>
        <source>Geef een reden waarom de actie vervalt.</source>
        <translation>Give a reason why the action lapses.</translation>
    </message>
</context>
<context>
    <name>ConnectionDialog</name>
    <message>
        <source>Verbinding kiezen</source>
        <translation>Choose connection</translation>
    </message>
    <message>
        <source>Op deze computer</source>
        <translation>On this computer</translation>
    </message>
    <message>
        <source>Opslag in {folder}</source>
        <translation>Store in {folder}</translation>
    </message>
    <message>
        <source>Server van het centrum</source>
        <translation>The centre&apos;s server</translation>
    </message>
    <message>
        <source>Verder</source>
        <translation>Continue</translation>
    </message>
    <message>
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>DescriptionCounter</name>
    <message>
        <source>{n} / {max} tekens</source>
        <translation>{n} / {max} characters</translation>
    </message>
    <message>
        <source>(te lang: kort de omschrijving in)</source>
        <translation>(too long: shorten the description)</translation>
    </message>
</context>
<context>
    <name>DescriptionSection</name>
    <message>
        <source>Wat is er gezien of gemeld? Feiten, geen oordelen. (Ctrl+Enter slaat op)</source>
        <translation>What was seen or reported? Facts, not judgements. (Ctrl+Enter saves)</translation>
    </message>
    <message>
        <source>Omschrijving</source>
        <translation>Description</translation>
    </message>
</context>
<context>
    <name>EmergencyPanel</name>
    <message>
        <source>Elke keer dat iemand een casus of signaal buiten het eigen werkgebied opende met de noodknop, met de opgegeven reden. Controleer of de reden het openen rechtvaardigde.</source>
        <translation>Every time someone opened a case or signal outside their own area with emergency access, with the reason given. Check whether the reason justified opening it.</translation>
    </message>
    <message>
        <source>{n} keer de noodknop gebruikt.</source>
        <translation>Emergency access used {n} time(s).</translation>
    </message>
    <message>
        <source>De noodknop is nog niet gebruikt.</source>
        <translation>Emergency access has not been used yet.</translation>
    </message>
</context>
<context>
    <name>EmergencyTableModel</name>
    <message>
        <source>Tijd</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Gebruiker</source>
        <translation>User</translation>
    </message>
    <message>
        <source>Rol</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Geopend</source>
        <translation>Opened</translation>
    </message>
    <message>
        <source>Reden</source>
        <translation>Reason</translation>
    </message>
</context>
<context>
    <name>EscalateDialog</name>
    <message>
        <source>Casus opschalen</source>
        <translation>Escalate case</translation>
    </message>
    <message>
        <source>Casus {ref} opschalen. De casus krijgt de status &apos;opgeschaald&apos; tot de opschaling is teruggelegd of afgesloten.</source>
        <translation>Escalate case {ref}. The case gets the status &apos;escalated&apos; until the escalation is handed back or closed.</translation>
    </message>
    <message>
        <source>kenmerk van de ontvangende partij (optioneel)</source>
        <translation>reference of the receiving party (optional)</translation>
    </message>
    <message>
        <source>&amp;Naar:</source>
        <translation>&amp;To:</translation>
    </message>
    <message>
        <source>&amp;Reden:</source>
        <translation>&amp;Reason:</translation>
    </message>
    <message>
        <source>&amp;Toch, omdat:</source>
        <translation>&amp;Anyway, because:</translation>
    </message>
    <message>
        <source>&amp;Kenmerk:</source>
        <translation>&amp;Reference:</translation>
    </message>
    <message>
        <source>Opschalen</source>
        <translation>Escalate</translation>
    </message>
</context>
<context>
    <name>EscalationStatusDialog</name>
    <message>
        <source>Afschalen</source>
        <translation>De-escalate</translation>
    </message>
    <message>
        <source>Status: {status}</source>
        <translation>Status: {status}</translation>
    </message>
    <message>
        <source>Afschaling van {ref} ({target}) terug naar het lokale overleg. Schrijf op wat er is gedaan en wat het overleg nu moet oppakken; de casus komt op de agenda van het volgende overleg.</source>
        <translation>De-escalation of {ref} ({target}) back to the local meeting. Write down what has been done and what the meeting should take up now; the case goes on the agenda of the next meeting.</translation>
    </message>
    <message>
        <source>{ref} ({target}) krijgt de status &apos;{status}&apos;.</source>
        <translation>{ref} ({target}) gets the status &apos;{status}&apos;.</translation>
    </message>
    <message>
        <source>&amp;Toelichting (verplicht):</source>
        <translation>&amp;Note (required):</translation>
    </message>
    <message>
        <source>&amp;Toelichting:</source>
        <translation>&amp;Note:</translation>
    </message>
    <message>
        <source>&amp;Kenmerk:</source>
        <translation>&amp;Reference:</translation>
    </message>
    <message>
        <source>Opslaan</source>
        <translation>Save</translation>
    </message>
</context>
<context>
    <name>EscalationTableModel</name>
    <message>
        <source>Opschaling</source>
        <translation>Escalation</translation>
    </message>
    <message>
        <source>Casus</source>
        <translation>Case</translation>
    </message>
    <message>
        <source>Focusgebied</source>
        <translation>Focus area</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Naar</source>
        <translation>To</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Sinds</source>
        <translation>Since</translation>
    </message>
    <message>
        <source>Kenmerk</source>
        <translation>Reference</translation>
    </message>
</context>
<context>
    <name>EscalationsPage</name>
    <message>
        <source>Open opschalingen</source>
        <translation>Open escalations</translation>
    </message>
    <message>
        <source>Alle opschalingen</source>
        <translation>All escalations</translation>
    </message>
    <message>
        <source>&amp;Toon:</source>
        <translation>&amp;Show:</translation>
    </message>
    <message>
        <source>casus: referentie, adres of naam van een betrokkene (F4: zoeken)</source>
        <translation>case: reference, address or name of a person involved (F4: search)</translation>
    </message>
    <message>
        <source>&amp;Bekijken</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>&amp;Casus:</source>
        <translation>&amp;Case:</translation>
    </message>
    <message>
        <source>Opschaling</source>
        <translation>Escalation</translation>
    </message>
    <message>
        <source>Naar:</source>
        <translation>To:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Reden:</source>
        <translation>Reason:</translation>
    </message>
    <message>
        <source>Kenmerk:</source>
        <translation>Reference:</translation>
    </message>
    <message>
        <source>In &amp;behandeling…</source>
        <translation>In &amp;progress…</translation>
    </message>
    <message>
        <source>&amp;Afschalen…</source>
        <translation>&amp;De-escalate…</translation>
    </message>
    <message>
        <source>Af&amp;sluiten…</source>
        <translation>C&amp;lose…</translation>
    </message>
    <message>
        <source>Casus openen</source>
        <translation>Open case</translation>
    </message>
    <message>
        <source>Opschalingen</source>
        <translation>Escalations</translation>
    </message>
    <message>
        <source>{n} opschaling</source>
        <translation>{n} escalation</translation>
    </message>
    <message>
        <source>{n} opschalingen</source>
        <translation>{n} escalations</translation>
    </message>
    <message>
        <source>Opschaling {ref} · casus {case}</source>
        <translation>Escalation {ref} · case {case}</translation>
    </message>
    <message>
        <source>{status} sinds {date}</source>
        <translation>{status} since {date}</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
</context>
<context>
    <name>FilterChip</name>
    <message>
        <source>alle</source>
        <translation>all</translation>
    </message>
    <message>
        <source>{n} gekozen</source>
        <translation>{n} chosen</translation>
    </message>
</context>
<context>
    <name>FindingForm</name>
    <message>
        <source>(geen)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>Wat zag u? Geen namen van bewoners.</source>
        <translation>What did you see? No residents&apos; names.</translation>
    </message>
    <message>
        <source>Meteen als signaal registreren (bron buurtschouw)</source>
        <translation>Register as a signal at once (source neighbourhood walk)</translation>
    </message>
    <message>
        <source>Bevinding &amp;toevoegen</source>
        <translation>&amp;Add finding</translation>
    </message>
    <message>
        <source>Ctrl+Enter</source>
        <translation>Ctrl+Enter</translation>
    </message>
    <message>
        <source>&amp;Punt:</source>
        <translation>&amp;Item:</translation>
    </message>
    <message>
        <source>&amp;Categorie:</source>
        <translation>&amp;Category:</translation>
    </message>
    <message>
        <source>&amp;Waar:</source>
        <translation>&amp;Where:</translation>
    </message>
    <message>
        <source>&amp;Bevinding:</source>
        <translation>&amp;Finding:</translation>
    </message>
    <message>
        <source>straat</source>
        <translation>street</translation>
    </message>
    <message>
        <source>Zonder postcode en huisnummer wordt bij het signaal om het adres van de dichtstbijzijnde woning gevraagd.</source>
        <translation>Without postcode and house number the signal asks for the address of the nearest house.</translation>
    </message>
</context>
<context>
    <name>FindingSignalDialog</name>
    <message>
        <source>Signaal maken van een bevinding</source>
        <translation>Make a signal from a finding</translation>
    </message>
    <message>
        <source>{item}: {text}
Het signaal krijgt bron &apos;buurtschouw&apos; en wordt gerouteerd zoals elk signaal. Geef het adres van de dichtstbijzijnde woning.</source>
        <translation>{item}: {text}
The signal gets source &apos;neighbourhood walk&apos; and is routed like every signal. Give the address of the nearest house.</translation>
    </message>
    <message>
        <source>(onbekend)</source>
        <translation>(unknown)</translation>
    </message>
    <message>
        <source>&amp;Postcode:</source>
        <translation>&amp;Postcode:</translation>
    </message>
    <message>
        <source>&amp;Huisnummer:</source>
        <translation>&amp;House number:</translation>
    </message>
    <message>
        <source>&amp;Urgentie:</source>
        <translation>&amp;Urgency:</translation>
    </message>
    <message>
        <source>Signaal maken</source>
        <translation>Make signal</translation>
    </message>
</context>
<context>
    <name>FindingTableModel</name>
    <message>
        <source>Checklist</source>
        <translation>Checklist</translation>
    </message>
    <message>
        <source>Waar</source>
        <translation>Where</translation>
    </message>
    <message>
        <source>Categorie</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Bevinding</source>
        <translation>Finding</translation>
    </message>
    <message>
        <source>Signaal</source>
        <translation>Signal</translation>
    </message>
    <message>
        <source>nog geen</source>
        <translation>none yet</translation>
    </message>
</context>
<context>
    <name>FirstStartDialog</name>
    <message>
        <source>Eerste start</source>
        <translation>First start</translation>
    </message>
    <message>
        <source>Welkom. Er is nog geen opslag. Maak hem nu: u wordt de eerste gebruiker, de beheerder. Alle gegevens worden versleuteld opgeslagen; zonder uw wachtwoord of de herstelcode kan niemand ze lezen, ook de leverancier niet.</source>
        <translation>Welcome. There is no store yet. Make it now: you become the first user, the administrator. All data is stored encrypted; without your passphrase or the recovery code no one can read it, not even the supplier.</translation>
    </message>
    <message>
        <source>Andere map…</source>
        <translation>Other folder…</translation>
    </message>
    <message>
        <source>bijvoorbeeld: beheer</source>
        <translation>for example: beheer</translation>
    </message>
    <message>
        <source>naam zoals collega&apos;s hem zien</source>
        <translation>name as colleagues see it</translation>
    </message>
    <message>
        <source>Map van de opslag</source>
        <translation>Store folder</translation>
    </message>
    <message>
        <source>Gebruikersnaam beheerder</source>
        <translation>Administrator user name</translation>
    </message>
    <message>
        <source>Weergavenaam</source>
        <translation>Display name</translation>
    </message>
    <message>
        <source>Wachtwoord</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>Wachtwoord herhalen</source>
        <translation>Repeat passphrase</translation>
    </message>
    <message>
        <source>Opslag maken</source>
        <translation>Create store</translation>
    </message>
    <message>
        <source>Op deze computer</source>
        <translation>On this computer</translation>
    </message>
    <message>
        <source>Een versleutelde opslag in een map op deze computer, voor één bureau.</source>
        <translation>An encrypted store in a folder on this computer, for one desk.</translation>
    </message>
    <message>
        <source>Server van het centrum</source>
        <translation>The centre&apos;s server</translation>
    </message>
    <message>
        <source>Werk met uw team op de gedeelde gegevens van het centrum.</source>
        <translation>Work with your team on the centre&apos;s shared data.</translation>
    </message>
    <message>
        <source>Waar staan de gegevens?</source>
        <translation>Where is the data?</translation>
    </message>
    <message>
        <source>Uw team werkt samen op de server van het centrum. Vul het adres in dat de beheerder u gaf. Gebruikt het centrum een eigen certificaat, kies dan ook dat bestand. Daarna meldt u zich aan met uw gebruikersnaam en wachtwoord; op deze computer blijft geen wachtwoord bewaard.</source>
        <translation>Your team works together on the centre&apos;s server. Enter the address the administrator gave you. If the centre uses its own certificate, choose that file too. Then sign in with your user name and passphrase; no passphrase is kept on this computer.</translation>
    </message>
    <message>
        <source>Verder naar aanmelden</source>
        <translation>Continue to sign in</translation>
    </message>
    <message>
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Kies een lege map voor de opslag</source>
        <translation>Choose an empty folder for the store</translation>
    </message>
    <message>
        <source>Vul een gebruikersnaam in.</source>
        <translation>Fill in a user name.</translation>
    </message>
    <message>
        <source>De twee wachtwoorden zijn niet gelijk. Typ het wachtwoord opnieuw.</source>
        <translation>The two passphrases differ. Type the passphrase again.</translation>
    </message>
    <message>
        <source>De versleutelde opslag wordt gemaakt…</source>
        <translation>Creating the encrypted store…</translation>
    </message>
    <message>
        <source>Bezig met maken…</source>
        <translation>Creating…</translation>
    </message>
    <message>
        <source>de map, of een map erboven, bestaat niet en kan niet worden gemaakt</source>
        <translation>the folder, or a folder above it, does not exist and cannot be made</translation>
    </message>
    <message>
        <source>een deel van het pad is een bestand, geen map</source>
        <translation>part of the path is a file, not a folder</translation>
    </message>
    <message>
        <source>u mag in deze map niet schrijven</source>
        <translation>you may not write in this folder</translation>
    </message>
    <message>
        <source>de schijf is alleen-lezen</source>
        <translation>the disk is read-only</translation>
    </message>
    <message>
        <source>de schijf is vol</source>
        <translation>the disk is full</translation>
    </message>
    <message>
        <source>de map kan niet worden gebruikt</source>
        <translation>the folder cannot be used</translation>
    </message>
    <message>
        <source>De opslag kan niet in {folder} worden gemaakt: {reason}. Kies met &apos;Andere map…&apos; een map waarin u mag schrijven, bijvoorbeeld in uw documentenmap.</source>
        <translation>The store cannot be made in {folder}: {reason}. Use &apos;Other folder…&apos; to choose a folder you may write in, for example in your documents folder.</translation>
    </message>
    <message>
        <source>De opslag is gemaakt. Dit is de herstelcode. Hiermee kunt u de opslag openen als uw wachtwoord kwijt is. Hij wordt maar één keer getoond: druk hem af of schrijf hem over en bewaar hem achter slot, niet bij de computer.</source>
        <translation>The store has been made. This is the recovery code. With it you can open the store if your passphrase is lost. It is shown only once: print it or copy it out and keep it under lock and key, not near the computer.</translation>
    </message>
</context>
<context>
    <name>IntakeDialog</name>
    <message>
        <source>Nieuw signaal</source>
        <translation>New signal</translation>
    </message>
    <message>
        <source>Opslaan</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Bezig met opslaan…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>Het signaal is nog niet opgeslagen. Wegwerpen?</source>
        <translation>The signal has not been saved yet. Discard it?</translation>
    </message>
    <message>
        <source>Wegwerpen</source>
        <translation>Discard</translation>
    </message>
    <message>
        <source>Verder invullen</source>
        <translation>Continue editing</translation>
    </message>
</context>
<context>
    <name>IntakeResult</name>
    <message>
        <source>Casus openen</source>
        <translation>Open case</translation>
    </message>
    <message>
        <source>Nog een signaal</source>
        <translation>Another signal</translation>
    </message>
    <message>
        <source>Sluiten</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Routering</source>
        <translation>Routing</translation>
    </message>
    <message>
        <source>Signaal {ref} is opgeslagen.</source>
        <translation>Signal {ref} has been saved.</translation>
    </message>
    <message>
        <source>Naar: {target}.
Waarom: {reason}
Afhandelen vóór: {due}.</source>
        <translation>To: {target}.
Why: {reason}
Handle before: {due}.</translation>
    </message>
    <message>
        <source>Niet gerouteerd.</source>
        <translation>Not routed.</translation>
    </message>
    <message>
        <source>Meldcode: het besluit staat in de geschiedenis van het signaal. Veilig Thuis: 0800-2000.</source>
        <translation>Reporting Code: the decision is in the signal&apos;s history. Veilig Thuis: 0800-2000.</translation>
    </message>
    <message>
        <source>Gekoppeld aan casus {ref}.</source>
        <translation>Linked to case {ref}.</translation>
    </message>
    <message>
        <source>Niet aan een casus gekoppeld.</source>
        <translation>Not linked to a case.</translation>
    </message>
</context>
<context>
    <name>LanguageDialog</name>
    <message>
        <source>Taal</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>De nieuwe taal geldt vanaf de volgende keer dat u het programma start. Ook sociaalveilig-admin volgt deze keuze (of de omgevingsvariabele SOCIAALVEILIG_TAAL). Teksten die nog niet vertaald zijn, blijven Nederlands.</source>
        <translation>The new language applies from the next time you start the program. sociaalveilig-admin follows this choice too (or the environment variable SOCIAALVEILIG_TAAL). Texts that have not been translated yet stay in Dutch.</translation>
    </message>
    <message>
        <source>&amp;Taal van het programma:</source>
        <translation>Program &amp;language:</translation>
    </message>
    <message>
        <source>&amp;Taal…</source>
        <translation>&amp;Language…</translation>
    </message>
</context>
<context>
    <name>LeadPartnerDialog</name>
    <message>
        <source>Casusregisseur kiezen</source>
        <translation>Choose case manager</translation>
    </message>
    <message>
        <source>De casusregisseur is de partner die de aanpak van casus {ref} coördineert en het aanspreekpunt is voor de andere partners.</source>
        <translation>The case manager is the partner who coordinates the approach to case {ref} and is the contact for the other partners.</translation>
    </message>
    <message>
        <source>(nog geen casusregisseur)</source>
        <translation>(no case manager yet)</translation>
    </message>
    <message>
        <source>{name} (niet meer actief)</source>
        <translation>{name} (no longer active)</translation>
    </message>
    <message>
        <source>&amp;Casusregisseur:</source>
        <translation>&amp;Case manager:</translation>
    </message>
</context>
<context>
    <name>LockedPlaceholder</name>
    <message>
        <source>Vergrendeld. Meld u opnieuw aan om verder te werken.</source>
        <translation>Locked. Sign in again to continue working.</translation>
    </message>
</context>
<context>
    <name>LookupDialog</name>
    <message>
        <source>Kiezen</source>
        <translation>Choose</translation>
    </message>
    <message>
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Zoeken…</source>
        <translation>Search…</translation>
    </message>
    <message>
        <source>{n} gevonden. Pijl omlaag kiest in de lijst, Enter neemt over.</source>
        <translation>{n} found. Down arrow selects in the list, Enter confirms.</translation>
    </message>
    <message>
        <source>Niets gevonden. Probeer een deel van de naam, straat of referentie.</source>
        <translation>Nothing found. Try part of the name, street or reference.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>standaardmap</source>
        <translation>default folder</translation>
    </message>
    <message>
        <source>Vergrendelen</source>
        <translation>Lock</translation>
    </message>
    <message>
        <source>Nieuw signaal…</source>
        <translation>New signal…</translation>
    </message>
    <message>
        <source>Afsluiten</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>&amp;Bestand</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>Automatisch vergrendelen na…</source>
        <translation>Lock automatically after…</translation>
    </message>
    <message>
        <source>Wachtwoord wijzigen…</source>
        <translation>Change passphrase…</translation>
    </message>
    <message>
        <source>&amp;Instellingen</source>
        <translation>&amp;Settings</translation>
    </message>
    <message>
        <source>Werkbalk</source>
        <translation>Toolbar</translation>
    </message>
    <message>
        <source>Automatisch vergrendelen</source>
        <translation>Lock automatically</translation>
    </message>
    <message>
        <source>Vergrendelen na zoveel minuten zonder toetsenbord of muis:</source>
        <translation>Lock after this many minutes without keyboard or mouse:</translation>
    </message>
    <message>
        <source>Uw wachtwoord is gewijzigd.</source>
        <translation>Your passphrase has been changed.</translation>
    </message>
    <message>
        <source>Gebruiker: {user}</source>
        <translation>User: {user}</translation>
    </message>
    <message>
        <source>Vergrendeld</source>
        <translation>Locked</translation>
    </message>
    <message>
        <source>Rol: {role}</source>
        <translation>Role: {role}</translation>
    </message>
    <message>
        <source>Ontgrendeld</source>
        <translation>Unlocked</translation>
    </message>
    <message>
        <source>Centrum: {server}</source>
        <translation>Centre: {server}</translation>
    </message>
    <message>
        <source>De gegevens staan op de server van het centrum: {url}</source>
        <translation>The data is on the centre&apos;s server: {url}</translation>
    </message>
    <message>
        <source>Opslag: {folder}</source>
        <translation>Store: {folder}</translation>
    </message>
    <message>
        <source>Map van de opslag: {path}</source>
        <translation>Store folder: {path}</translation>
    </message>
    <message>
        <source>Het programma is vergrendeld en uw sessie bij het centrum is beëindigd. Meld u opnieuw aan om verder te werken.</source>
        <translation>The program is locked and your session at the centre has ended. Sign in again to continue.</translation>
    </message>
    <message>
        <source>Uw sessie bij het centrum is beëindigd; meld u opnieuw aan. Wat u had ingevuld blijft staan.</source>
        <translation>Your session at the centre has ended; sign in again. What you had typed stays.</translation>
    </message>
</context>
<context>
    <name>MasterDetailPage</name>
    <message>
        <source>Alle focusgebieden</source>
        <translation>All focus areas</translation>
    </message>
</context>
<context>
    <name>MeetingChoiceModel</name>
    <message>
        <source>Wanneer</source>
        <translation>When</translation>
    </message>
    <message>
        <source>Overleg</source>
        <translation>Meeting</translation>
    </message>
    <message>
        <source>Focusgebied</source>
        <translation>Focus area</translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation>Agenda</translation>
    </message>
    <message>
        <source>staat er al op</source>
        <translation>already on it</translation>
    </message>
</context>
<context>
    <name>MeetingDetailPanel</name>
    <message>
        <source>Een partnerexemplaar bevat alleen de punten die die partner mag zien.</source>
        <translation>A partner&apos;s copy contains only the items that partner may see.</translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation>Agenda</translation>
    </message>
    <message>
        <source>Verslag</source>
        <translation>Minutes</translation>
    </message>
    <message>
        <source>Overleg annuleren</source>
        <translation>Cancel meeting</translation>
    </message>
    <message>
        <source>Exporteren naar agenda (.ics)…</source>
        <translation>Export to calendar (.ics)…</translation>
    </message>
    <message>
        <source>Dit overleg als afspraak voor Outlook of een ander agendaprogramma.</source>
        <translation>This meeting as an appointment for Outlook or another calendar program.</translation>
    </message>
    <message>
        <source>Exemplaar:</source>
        <translation>Copy:</translation>
    </message>
    <message>
        <source>&amp;Agenda</source>
        <translation>&amp;Agenda</translation>
    </message>
    <message>
        <source>&amp;Verslag</source>
        <translation>&amp;Minutes</translation>
    </message>
    <message>
        <source>Openen als PDF</source>
        <translation>Open as PDF</translation>
    </message>
    <message>
        <source>Afdrukken…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>Kies een overleg in de kalender of de lijst.</source>
        <translation>Choose a meeting in the calendar or the list.</translation>
    </message>
    <message>
        <source>nog geen partners</source>
        <translation>no partners yet</translation>
    </message>
    <message>
        <source>{when} · {location} · {status}
Partners: {partners}</source>
        <translation>{when} · {location} · {status}
Partners: {partners}</translation>
    </message>
    <message>
        <source>locatie onbekend</source>
        <translation>location unknown</translation>
    </message>
    <message>
        <source>Dit overleg is geannuleerd.</source>
        <translation>This meeting has been cancelled.</translation>
    </message>
    <message>
        <source>Het verslag kan worden vastgelegd zodra het overleg is begonnen.</source>
        <translation>The minutes can be recorded once the meeting has started.</translation>
    </message>
    <message>
        <source>U kunt het verslag lezen; de coördinator legt het vast.</source>
        <translation>You can read the minutes; the coordinator records them.</translation>
    </message>
    <message>
        <source>Leg per agendapunt het besluit en de afgesproken acties vast (Ctrl+Enter).</source>
        <translation>Record the decision and the agreed actions for each agenda item (Ctrl+Enter).</translation>
    </message>
    <message>
        <source>Exemplaar van uw organisatie</source>
        <translation>Your organisation&apos;s copy</translation>
    </message>
    <message>
        <source>Volledig (coördinator)</source>
        <translation>Full (coordinator)</translation>
    </message>
    <message>
        <source>Voor {partner}</source>
        <translation>For {partner}</translation>
    </message>
</context>
<context>
    <name>MeetingTableModel</name>
    <message>
        <source>Fysiek</source>
        <translation>Physical</translation>
    </message>
    <message>
        <source>Voordeur</source>
        <translation>Front door</translation>
    </message>
    <message>
        <source>geen agendapunten</source>
        <translation>no agenda items</translation>
    </message>
    <message>
        <source>1 agendapunt</source>
        <translation>1 agenda item</translation>
    </message>
    <message>
        <source>{n} agendapunten</source>
        <translation>{n} agenda items</translation>
    </message>
    <message>
        <source>Wanneer</source>
        <translation>When</translation>
    </message>
    <message>
        <source>Soort</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Focusgebied</source>
        <translation>Focus area</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Punten</source>
        <translation>Items</translation>
    </message>
</context>
<context>
    <name>MeetingsPage</name>
    <message>
        <source>Beide soorten overleg</source>
        <translation>Both kinds of meeting</translation>
    </message>
    <message>
        <source>Overleg &amp;plannen…</source>
        <translation>&amp;Plan meeting…</translation>
    </message>
    <message>
        <source>&amp;Mijn agenda exporteren…</source>
        <translation>&amp;Export my calendar…</translation>
    </message>
    <message>
        <source>Uw huisbezoeken en overleggen (vanaf 30 dagen terug tot een jaar vooruit) als .ics-bestand voor Outlook of een ander agendaprogramma.</source>
        <translation>Your home visits and meetings (from 30 days back to a year ahead) as an .ics file for Outlook or another calendar program.</translation>
    </message>
    <message>
        <source>&amp;Focusgebied:</source>
        <translation>&amp;Focus area:</translation>
    </message>
    <message>
        <source>&amp;Soort:</source>
        <translation>&amp;Kind:</translation>
    </message>
    <message>
        <source>Geen overleggen in deze maand.</source>
        <translation>No meetings in this month.</translation>
    </message>
    <message>
        <source>Overleg annuleren</source>
        <translation>Cancel meeting</translation>
    </message>
    <message>
        <source>Overleggen</source>
        <translation>Meetings</translation>
    </message>
    <message>
        <source>Voorstellen worden gezocht…</source>
        <translation>Looking for proposals…</translation>
    </message>
    <message>
        <source>Dit overleg annuleren? De agendapunten kunnen bij een volgend overleg opnieuw worden voorgesteld.</source>
        <translation>Cancel this meeting? The agenda items can be proposed again at a next meeting.</translation>
    </message>
    <message>
        <source>Het document wordt gemaakt…</source>
        <translation>Making the document…</translation>
    </message>
</context>
<context>
    <name>MeldcodePanel</name>
    <message>
        <source>Meldcode huiselijk geweld en kindermishandeling</source>
        <translation>Reporting Code (Meldcode) for domestic violence and child abuse</translation>
    </message>
    <message>
        <source>reden waarom het overleg kan wachten</source>
        <translation>reason why the meeting can wait</translation>
    </message>
    <message>
        <source>Dit signaal wacht niet vanzelf op het overleg. Wat gebeurt er nu?</source>
        <translation>This signal does not simply wait for the meeting. What happens now?</translation>
    </message>
</context>
<context>
    <name>MeldcodeUrgencyGuard</name>
    <message>
        <source>Urgentie verhoogd naar &apos;hoog&apos;: bij een vermoeden van huiselijk geweld of kindermishandeling geldt de Meldcode, met een korte termijn.</source>
        <translation>Urgency raised to &apos;high&apos;: when domestic violence or child abuse is suspected, the Reporting Code applies, with a short term.</translation>
    </message>
    <message>
        <source>Lager dan &apos;hoog&apos; kan niet bij een vermoeden van huiselijk geweld of kindermishandeling (Meldcode). De urgentie blijft &apos;hoog&apos;.</source>
        <translation>Lower than &apos;high&apos; is not possible when domestic violence or child abuse is suspected (Reporting Code). The urgency stays &apos;high&apos;.</translation>
    </message>
</context>
<context>
    <name>MeldingSection</name>
    <message>
        <source>bijv. de woningcorporatie</source>
        <translation>e.g. the housing corporation</translation>
    </message>
    <message>
        <source>Categorieën laden…</source>
        <translation>Loading categories…</translation>
    </message>
    <message>
        <source>Geen actieve categorieën: vraag de beheerder er een aan te zetten.</source>
        <translation>No active categories: ask the administrator to activate one.</translation>
    </message>
    <message>
        <source>Categorieën konden niet worden geladen.</source>
        <translation>Categories could not be loaded.</translation>
    </message>
    <message>
        <source>Datum en tijd</source>
        <translation>Date and time</translation>
    </message>
    <message>
        <source>Bron</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Organisatie</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Categorie</source>
        <translation>Category</translation>
    </message>
</context>
<context>
    <name>MinutesEditor</name>
    <message>
        <source>Wat spraken de partners af?</source>
        <translation>What did the partners agree?</translation>
    </message>
    <message>
        <source>&amp;Besluit:</source>
        <translation>&amp;Decision:</translation>
    </message>
    <message>
        <source>Een collega heeft dit agendapunt intussen gewijzigd. Uw invoer blijft staan; bij vastleggen ziet u wat er veranderde.</source>
        <translation>A colleague has changed this agenda item meanwhile. Your input stays; when you record it you will see what changed.</translation>
    </message>
    <message>
        <source>Acties</source>
        <translation>Actions</translation>
    </message>
    <message>
        <source>Besluit &amp;vastleggen</source>
        <translation>&amp;Record decision</translation>
    </message>
    <message>
        <source>Ctrl+Enter</source>
        <translation>Ctrl+Enter</translation>
    </message>
    <message>
        <source>Kies een agendapunt.</source>
        <translation>Choose an agenda item.</translation>
    </message>
    <message>
        <source>Kies een overleg.</source>
        <translation>Choose a meeting.</translation>
    </message>
    <message>
        <source>Besluit: {text}</source>
        <translation>Decision: {text}</translation>
    </message>
    <message>
        <source>• {type} – {owner}, uiterlijk {deadline} ({status})</source>
        <translation>• {type} – {owner}, due {deadline} ({status})</translation>
    </message>
    <message>
        <source>Geen acties.</source>
        <translation>No actions.</translation>
    </message>
</context>
<context>
    <name>NewActionDialog</name>
    <message>
        <source>Actie toevoegen aan {ref}</source>
        <translation>Add action to {ref}</translation>
    </message>
    <message>
        <source>— kies de partner —</source>
        <translation>— choose the partner —</translation>
    </message>
    <message>
        <source>wat precies (optioneel, geen namen)</source>
        <translation>what exactly (optional, no names)</translation>
    </message>
    <message>
        <source>&amp;Soort actie:</source>
        <translation>&amp;Kind of action:</translation>
    </message>
    <message>
        <source>&amp;Eigenaar:</source>
        <translation>&amp;Owner:</translation>
    </message>
    <message>
        <source>&amp;Deadline:</source>
        <translation>&amp;Deadline:</translation>
    </message>
    <message>
        <source>&amp;Wat:</source>
        <translation>&amp;What:</translation>
    </message>
</context>
<context>
    <name>PartnerDialog</name>
    <message>
        <source>Organisatie wijzigen</source>
        <translation>Change organisation</translation>
    </message>
    <message>
        <source>Nieuwe organisatie</source>
        <translation>New organisation</translation>
    </message>
    <message>
        <source>Een nieuwe naam geldt overal waar de organisatie al voorkomt: acties, huisbezoeken, overleggen en gebruikers.</source>
        <translation>A new name applies everywhere the organisation already appears: actions, home visits, meetings and users.</translation>
    </message>
    <message>
        <source>Een organisatie is daarna te kiezen als eigenaar van een actie, partner bij een huisbezoek of overleg, casusregisseur en organisatie van een gebruiker.</source>
        <translation>An organisation can then be chosen as owner of an action, partner in a home visit or meeting, case manager and organisation of a user.</translation>
    </message>
    <message>
        <source>bijv. Woningcorporatie Parkstad</source>
        <translation>e.g. Woningcorporatie Parkstad</translation>
    </message>
    <message>
        <source>&amp;Naam:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Soort bron:</source>
        <translation>&amp;Kind of source:</translation>
    </message>
</context>
<context>
    <name>PartnerTableModel</name>
    <message>
        <source>Organisatie</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Soort bron</source>
        <translation>Kind of source</translation>
    </message>
    <message>
        <source>Actief</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>ja</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>nee (niet meer te kiezen)</source>
        <translation>no (can no longer be chosen)</translation>
    </message>
</context>
<context>
    <name>PartnersPanel</name>
    <message>
        <source>Ook niet-actieve organisaties tonen</source>
        <translation>Also show inactive organisations</translation>
    </message>
    <message>
        <source>&amp;Nieuwe organisatie…</source>
        <translation>&amp;New organisation…</translation>
    </message>
    <message>
        <source>&amp;Wijzigen…</source>
        <translation>&amp;Change…</translation>
    </message>
    <message>
        <source>&amp;Deactiveren</source>
        <translation>&amp;Deactivate</translation>
    </message>
    <message>
        <source>Organisaties die meedoen: politie, woningcorporaties, zorg en hulpverlening, gemeentelijke teams. Een organisatie wordt nooit verwijderd, alleen gedeactiveerd: eerdere acties, huisbezoeken en overleggen blijven kloppen.</source>
        <translation>Organisations taking part: police, housing corporations, care and support services, municipal teams. An organisation is never deleted, only deactivated: earlier actions, home visits and meetings stay correct.</translation>
    </message>
    <message>
        <source>Partners</source>
        <translation>Partners</translation>
    </message>
    <message>
        <source>&amp;Activeren</source>
        <translation>&amp;Activate</translation>
    </message>
</context>
<context>
    <name>PassphraseFields</name>
    <message>
        <source>Minstens {n} tekens en niet makkelijk te raden. Een paar woorden die niets met elkaar te maken hebben is sterk en goed te onthouden.</source>
        <translation>At least {n} characters and not easy to guess. A few unrelated words are strong and easy to remember.</translation>
    </message>
    <message>
        <source>Te zwak: te kort of te makkelijk te raden. Kies minstens {n} tekens, bijvoorbeeld een paar woorden die niets met elkaar te maken hebben.</source>
        <translation>Too weak: too short or too easy to guess. Choose at least {n} characters, for example a few unrelated words.</translation>
    </message>
    <message>
        <source>Te zwak: te makkelijk te raden. Maak het langer, met een paar losse woorden.</source>
        <translation>Too weak: too easy to guess. Make it longer, with a few separate words.</translation>
    </message>
    <message>
        <source>Te zwak: bijna goed. Nog een woord erbij maakt het sterk genoeg.</source>
        <translation>Too weak: almost there. One more word makes it strong enough.</translation>
    </message>
    <message>
        <source>Goed.</source>
        <translation>Good.</translation>
    </message>
    <message>
        <source>Sterk.</source>
        <translation>Strong.</translation>
    </message>
</context>
<context>
    <name>PendingActionTableModel</name>
    <message>
        <source>Actie</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Eigenaar</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>Omschrijving</source>
        <translation>Description</translation>
    </message>
</context>
<context>
    <name>PeriodPicker</name>
    <message>
        <source>Soort periode</source>
        <translation>Kind of period</translation>
    </message>
    <message>
        <source>Kwartaal</source>
        <translation>Quarter</translation>
    </message>
    <message>
        <source>Maand</source>
        <translation>Month</translation>
    </message>
    <message>
        <source>Jaar</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>Kwartaal of maand</source>
        <translation>Quarter or month</translation>
    </message>
    <message>
        <source>{n}e kwartaal</source>
        <translation>Q{n}</translation>
    </message>
</context>
<context>
    <name>PersonChoiceModel</name>
    <message>
        <source>Naam</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Geboortejaar</source>
        <translation>Birth year</translation>
    </message>
    <message>
        <source>Referentie</source>
        <translation>Reference</translation>
    </message>
    <message>
        <source>Casussen</source>
        <translation>Cases</translation>
    </message>
</context>
<context>
    <name>PersonPicker</name>
    <message>
        <source>Betrokkene zoeken</source>
        <translation>Search for person involved</translation>
    </message>
    <message>
        <source>Zoek de persoon op (een deel van) de naam en eventueel het geboortejaar, bijvoorbeeld “gerda 1961”.</source>
        <translation>Search for the person by (part of) the name and optionally the birth year, for example “gerda 1961”.</translation>
    </message>
    <message>
        <source>Typ een deel van de naam; een geboortejaar maakt het preciezer.</source>
        <translation>Type part of the name; a birth year makes it more precise.</translation>
    </message>
    <message>
        <source>Niemand gevonden die u mag zien. Controleer de spelling of laat het geboortejaar weg.</source>
        <translation>Nobody found whom you are allowed to see. Check the spelling or leave out the birth year.</translation>
    </message>
</context>
<context>
    <name>PersonsEditor</name>
    <message>
        <source>Naam</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Geboortejaar</source>
        <translation>Birth year</translation>
    </message>
    <message>
        <source>Rol</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Betrokkene toevoegen</source>
        <translation>Add person involved</translation>
    </message>
    <message>
        <source>Verwijderen</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Geboortejaar &apos;{text}&apos; van betrokkene {n} is geen jaartal; typ vier cijfers of laat het leeg.</source>
        <translation>Birth year &apos;{text}&apos; of person involved {n} is not a year; type four digits or leave it empty.</translation>
    </message>
</context>
<context>
    <name>PersonsModel</name>
    <message>
        <source>Referentie</source>
        <translation>Reference</translation>
    </message>
    <message>
        <source>Naam</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Geboortejaar</source>
        <translation>Birth year</translation>
    </message>
    <message>
        <source>Rol</source>
        <translation>Role</translation>
    </message>
</context>
<context>
    <name>PlanBuurtschouwDialog</name>
    <message>
        <source>Buurtschouw plannen</source>
        <translation>Plan neighbourhood walk</translation>
    </message>
    <message>
        <source>Met bewoners en partners door de buurt: heel, schoon, veilig. Het pakket voor onderweg drukt u af vanaf de pagina Buurtschouwen.</source>
        <translation>Through the neighbourhood with residents and partners: intact, clean, safe. Print the pack for the walk from the Neighbourhood walks page.</translation>
    </message>
    <message>
        <source>Eén straat per regel, in looprichting</source>
        <translation>One street per line, in walking order</translation>
    </message>
    <message>
        <source>&amp;Focusgebied:</source>
        <translation>&amp;Focus area:</translation>
    </message>
    <message>
        <source>&amp;Datum:</source>
        <translation>&amp;Date:</translation>
    </message>
    <message>
        <source>&amp;Route:</source>
        <translation>&amp;Route:</translation>
    </message>
    <message>
        <source>Kies het focusgebied van de buurtschouw.</source>
        <translation>Choose the focus area of the neighbourhood walk.</translation>
    </message>
</context>
<context>
    <name>PlanMeetingDialog</name>
    <message>
        <source>Overleg plannen</source>
        <translation>Plan meeting</translation>
    </message>
    <message>
        <source>&amp;Focusgebied:</source>
        <translation>&amp;Focus area:</translation>
    </message>
    <message>
        <source>&amp;Soort overleg:</source>
        <translation>&amp;Kind of meeting:</translation>
    </message>
    <message>
        <source>&amp;Datum:</source>
        <translation>&amp;Date:</translation>
    </message>
    <message>
        <source>&amp;Tijd:</source>
        <translation>&amp;Time:</translation>
    </message>
    <message>
        <source>&amp;Locatie:</source>
        <translation>&amp;Location:</translation>
    </message>
    <message>
        <source>&amp;Partners:</source>
        <translation>&amp;Partners:</translation>
    </message>
    <message>
        <source>Kies het focusgebied van het overleg.</source>
        <translation>Choose the focus area of the meeting.</translation>
    </message>
</context>
<context>
    <name>PlanVisitDialog</name>
    <message>
        <source>Huisbezoek plannen</source>
        <translation>Plan home visit</translation>
    </message>
    <message>
        <source>referentie, adres of naam (F4: zoeken)</source>
        <translation>reference, address or name (F4: search)</translation>
    </message>
    <message>
        <source>Casus kiezen</source>
        <translation>Choose case</translation>
    </message>
    <message>
        <source>Gezamenlijk huisbezoek (twee of meer partners)</source>
        <translation>Joint home visit (two or more partners)</translation>
    </message>
    <message>
        <source>Het adres van de casus</source>
        <translation>The address of the case</translation>
    </message>
    <message>
        <source>1234 AB</source>
        <translation>1234 AB</translation>
    </message>
    <message>
        <source>nr.</source>
        <translation>no.</translation>
    </message>
    <message>
        <source>toev.</source>
        <translation>add.</translation>
    </message>
    <message>
        <source>straat</source>
        <translation>street</translation>
    </message>
    <message>
        <source>plaats</source>
        <translation>place</translation>
    </message>
    <message>
        <source>&amp;Casus:</source>
        <translation>&amp;Case:</translation>
    </message>
    <message>
        <source>&amp;Datum:</source>
        <translation>&amp;Date:</translation>
    </message>
    <message>
        <source>&amp;Van:</source>
        <translation>&amp;From:</translation>
    </message>
    <message>
        <source>&amp;Tot:</source>
        <translation>&amp;To:</translation>
    </message>
    <message>
        <source>&amp;Partners:</source>
        <translation>&amp;Partners:</translation>
    </message>
    <message>
        <source>&amp;Adres:</source>
        <translation>&amp;Address:</translation>
    </message>
    <message>
        <source>D&amp;oel:</source>
        <translation>P&amp;urpose:</translation>
    </message>
    <message>
        <source>Noteer geen namen of gezondheidsgegevens in het doel; die staan in de casus.</source>
        <translation>Do not note names or health data in the purpose; they are in the case.</translation>
    </message>
    <message>
        <source>Kies de casus waarvoor het huisbezoek is (F4: zoeken).</source>
        <translation>Choose the case the home visit is for (F4: search).</translation>
    </message>
</context>
<context>
    <name>PostcodeDialog</name>
    <message>
        <source>Postcode wijzigen</source>
        <translation>Change postcode</translation>
    </message>
    <message>
        <source>Postcode toevoegen</source>
        <translation>Add postcode</translation>
    </message>
    <message>
        <source>Een PC6 (6411 AB) gaat voor een PC4 (6411). Wijzigingen gelden voor signalen die vanaf nu worden geregistreerd.</source>
        <translation>A PC6 (6411 AB) takes precedence over a PC4 (6411). Changes apply to signals registered from now on.</translation>
    </message>
    <message>
        <source>&amp;Postcode:</source>
        <translation>&amp;Postcode:</translation>
    </message>
    <message>
        <source>&amp;Gemeente:</source>
        <translation>&amp;Municipality:</translation>
    </message>
    <message>
        <source>&amp;Focusgebied:</source>
        <translation>&amp;Focus area:</translation>
    </message>
    <message>
        <source>(geen focusgebied)</source>
        <translation>(no focus area)</translation>
    </message>
</context>
<context>
    <name>PostcodeTableModel</name>
    <message>
        <source>Postcode</source>
        <translation>Postcode</translation>
    </message>
    <message>
        <source>Gemeente</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <source>Focusgebied</source>
        <translation>Focus area</translation>
    </message>
    <message>
        <source>(geen focusgebied)</source>
        <translation>(no focus area)</translation>
    </message>
</context>
<context>
    <name>PostcodesPanel</name>
    <message>
        <source>zoek op postcode, gemeente of focusgebied</source>
        <translation>search by postcode, municipality or focus area</translation>
    </message>
    <message>
        <source>&amp;Zoeken:</source>
        <translation>&amp;Search:</translation>
    </message>
    <message>
        <source>Postcode &amp;toevoegen…</source>
        <translation>&amp;Add postcode…</translation>
    </message>
    <message>
        <source>&amp;Wijzigen…</source>
        <translation>&amp;Change…</translation>
    </message>
    <message>
        <source>&amp;Verwijderen</source>
        <translation>&amp;Remove</translation>
    </message>
    <message>
        <source>Een postcode buiten de tabel is geldig; de gemeente is dan &apos;onbekend&apos; en de coördinator controleert het adres.</source>
        <translation>A postcode outside the table is valid; the municipality is then &apos;unknown&apos; and the coordinator checks the address.</translation>
    </message>
    <message>
        <source>Postcodes</source>
        <translation>Postcodes</translation>
    </message>
    <message>
        <source>{n} van {total}</source>
        <translation>{n} of {total}</translation>
    </message>
    <message>
        <source>Postcode verwijderen</source>
        <translation>Remove postcode</translation>
    </message>
    <message>
        <source>Postcode {code} uit de tabel halen?</source>
        <translation>Remove postcode {code} from the table?</translation>
    </message>
</context>
<context>
    <name>ProposalPanel</name>
    <message>
        <source>Voorstel van het programma</source>
        <translation>The program&apos;s proposal</translation>
    </message>
    <message>
        <source>Plaats, routering en een open casus op dit adres verschijnen zodra postcode en huisnummer bekend zijn. Kies hieronder de casus; opslaan bevestigt.</source>
        <translation>Place, routing and an open case at this address appear once postcode and house number are known. Choose the case below; saving confirms.</translation>
    </message>
    <message>
        <source>Focusgebied: vul het huisnummer in</source>
        <translation>Focus area: fill in the house number</translation>
    </message>
    <message>
        <source>Focusgebied: volgt uit de postcode</source>
        <translation>Focus area: follows from the postcode</translation>
    </message>
    <message>
        <source>Postcode {pc} valt buiten de postcodetabel: gemeente onbekend. De coördinator controleert dit.</source>
        <translation>Postcode {pc} is not in the postcode table: municipality unknown. The coordinator will check this.</translation>
    </message>
    <message>
        <source>Focusgebied: {area} · gemeente {municipality}</source>
        <translation>Focus area: {area} · municipality {municipality}</translation>
    </message>
    <message>
        <source>Geen focusgebied · gemeente {municipality}</source>
        <translation>No focus area · municipality {municipality}</translation>
    </message>
    <message>
        <source>Routering: &lt;b&gt;{target}&lt;/b&gt;&lt;br&gt;{reason}&lt;br&gt;Afhandelen vóór {due}.</source>
        <translation>Routing: &lt;b&gt;{target}&lt;/b&gt;&lt;br&gt;{reason}&lt;br&gt;Handle before {due}.</translation>
    </message>
    <message>
        <source>Dit adres ligt buiten uw focusgebieden: registreer zonder casus, dan maakt de coördinator de casus.</source>
        <translation>This address is outside your focus areas: register without a case, and the coordinator will make the case.</translation>
    </message>
</context>
<context>
    <name>ReactivateUserDialog</name>
    <message>
        <source>Toegang herstellen: {user}</source>
        <translation>Restore access: {user}</translation>
    </message>
    <message>
        <source>{name} krijgt weer toegang met een nieuw wachtwoord. Geef het persoonlijk door; bij de volgende aanmelding moet de gebruiker het vervangen door een eigen wachtwoord. Rol en focusgebieden blijven zoals ze waren ({role}).</source>
        <translation>{name} gets access again with a new passphrase. Hand it over in person; at the next sign-in the user must replace it with a passphrase of their own. Role and focus areas stay as they were ({role}).</translation>
    </message>
    <message>
        <source>&amp;Nieuw wachtwoord:</source>
        <translation>&amp;New passphrase:</translation>
    </message>
    <message>
        <source>&amp;Herhaal wachtwoord:</source>
        <translation>&amp;Repeat passphrase:</translation>
    </message>
    <message>
        <source>Toegang geven</source>
        <translation>Give access</translation>
    </message>
    <message>
        <source>De twee wachtwoorden zijn niet gelijk. Typ ze opnieuw.</source>
        <translation>The two passphrases differ. Type them again.</translation>
    </message>
    <message>
        <source>De sleutel van de gebruiker wordt gemaakt…</source>
        <translation>The user&apos;s key is being made…</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <source>&amp;Toelichting:</source>
        <translation>&amp;Note:</translation>
    </message>
</context>
<context>
    <name>RecoverAccessDialog</name>
    <message>
        <source>Herstelcode gebruiken</source>
        <translation>Use recovery code</translation>
    </message>
    <message>
        <source>Met de herstelcode die bij het maken van de opslag is afgedrukt krijgt de beheerder weer toegang met een nieuw wachtwoord. Daarna krijgt de opslag een nieuwe herstelcode; de oude werkt dan niet meer.</source>
        <translation>With the recovery code that was printed when the store was made, the administrator gets access again with a new passphrase. The store then gets a new recovery code; the old one no longer works.</translation>
    </message>
    <message>
        <source>leeg: de enige beheerder</source>
        <translation>empty: the only administrator</translation>
    </message>
    <message>
        <source>Code tonen tijdens het typen</source>
        <translation>Show code while typing</translation>
    </message>
    <message>
        <source>Beheerder</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>Herstelcode</source>
        <translation>Recovery code</translation>
    </message>
    <message>
        <source>Nieuw wachtwoord</source>
        <translation>New passphrase</translation>
    </message>
    <message>
        <source>Herhaal wachtwoord</source>
        <translation>Repeat passphrase</translation>
    </message>
    <message>
        <source>Toegang herstellen</source>
        <translation>Restore access</translation>
    </message>
    <message>
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>De herstelcode wordt gecontroleerd…</source>
        <translation>Checking the recovery code…</translation>
    </message>
    <message>
        <source>Typ de herstelcode over van het afgedrukte blad.</source>
        <translation>Type in the recovery code from the printed sheet.</translation>
    </message>
    <message>
        <source>De twee wachtwoorden zijn niet gelijk. Typ ze opnieuw.</source>
        <translation>The two passphrases differ. Type them again.</translation>
    </message>
    <message>
        <source>U bent weer aangemeld met uw nieuwe wachtwoord. De gebruikte herstelcode werkt niet meer; dit is de nieuwe. Hij wordt maar één keer getoond: druk hem af of schrijf hem over en bewaar hem achter slot, niet bij de computer.</source>
        <translation>You are signed in again with your new passphrase. The recovery code used no longer works; this is the new one. It is shown only once: print it or copy it down and keep it under lock and key, not near the computer.</translation>
    </message>
</context>
<context>
    <name>RecoveryCodeStep</name>
    <message>
        <source>Afdrukken</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>Ik heb hem bewaard</source>
        <translation>I have kept it</translation>
    </message>
    <message>
        <source>Sociaal Veilig Parkstad – herstelcode van de opslag</source>
        <translation>Sociaal Veilig Parkstad – recovery code of the store</translation>
    </message>
    <message>
        <source>Map: {folder}</source>
        <translation>Folder: {folder}</translation>
    </message>
    <message>
        <source>Hiermee kan de opslag worden geopend zonder wachtwoord. Bewaar dit blad achter slot.</source>
        <translation>With this the store can be opened without a passphrase. Keep this sheet under lock and key.</translation>
    </message>
    <message>
        <source>Herstelcode afdrukken</source>
        <translation>Print recovery code</translation>
    </message>
</context>
<context>
    <name>ReminderPanel</name>
    <message>
        <source>&lt;b&gt;Herinneringen&lt;/b&gt;</source>
        <translation>&lt;b&gt;Reminders&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&amp;Gezien</source>
        <translation>&amp;Seen</translation>
    </message>
    <message>
        <source>Geen herinneringen op dit moment.</source>
        <translation>No reminders at the moment.</translation>
    </message>
    <message>
        <source>&amp;Later herinneren</source>
        <translation>Remind me &amp;later</translation>
    </message>
    <message>
        <source>Herinnert later opnieuw; het werk zelf blijft open.</source>
        <translation>Reminds you again later; the work itself stays open.</translation>
    </message>
    <message>
        <source>&amp;Gedaan…</source>
        <translation>&amp;Done…</translation>
    </message>
    <message>
        <source>Rondt het werk af: de actie met een kort resultaat, de uitkomst van het huisbezoek, de evaluatie van de casus.</source>
        <translation>Completes the work: the action with a short result, the outcome of the home visit, the review of the case.</translation>
    </message>
    <message>
        <source>&amp;Verbergen</source>
        <translation>&amp;Hide</translation>
    </message>
    <message>
        <source>Verbergt alleen de herinnering tot het werk verandert; het werk blijft open en blijft in Te laat staan.</source>
        <translation>Only hides the reminder until the work changes; the work stays open and stays in Late.</translation>
    </message>
    <message>
        <source>&amp;Openen</source>
        <translation>&amp;Open</translation>
    </message>
    <message>
        <source>Toont het huisbezoek, de casus of het overleg.</source>
        <translation>Shows the home visit, the case or the meeting.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Herinneringen ({n})&lt;/b&gt;</source>
        <translation>&lt;b&gt;Reminders ({n})&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Terwijl Sociaal Veilig dicht was (sinds {since}) vielen {n} herinneringen; {missed} daarvan zijn intussen voorbij.</source>
        <translation>While Sociaal Veilig was closed (since {since}) {n} reminders fell due; {missed} of them have passed in the meantime.</translation>
    </message>
    <message>
        <source>Kan niet meer worden uitgesteld</source>
        <translation>Can no longer be snoozed</translation>
    </message>
</context>
<context>
    <name>ReporterSection</name>
    <message>
        <source>leeg laten voor een anonieme melding</source>
        <translation>leave empty for an anonymous report</translation>
    </message>
    <message>
        <source>Melder</source>
        <translation>Reporter</translation>
    </message>
    <message>
        <source>Betrokkenen</source>
        <translation>Persons involved</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>Rapportages</source>
        <translation>Reports</translation>
    </message>
    <message>
        <source>Elk document wordt vastgelegd in het auditlog. Een document opent in de PDF-viewer van de computer of gaat via het afdrukvenster naar een printer.</source>
        <translation>Every document is recorded in the audit log. A document opens in the computer&apos;s PDF viewer or goes to a printer through the print dialog.</translation>
    </message>
    <message>
        <source>Openen</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Maak het document en open het in de PDF-viewer</source>
        <translation>Make the document and open it in the PDF viewer</translation>
    </message>
    <message>
        <source>Afdrukken…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>Opslaan als…</source>
        <translation>Save as…</translation>
    </message>
    <message>
        <source>Casusoverzicht</source>
        <translation>Case summary</translation>
    </message>
    <message>
        <source>bijvoorbeeld C-2026-00042</source>
        <translation>for example C-2026-00042</translation>
    </message>
    <message>
        <source>Gepseudonimiseerd (initialen, geen omschrijvingen)</source>
        <translation>Pseudonymised (initials, no descriptions)</translation>
    </message>
    <message>
        <source>&amp;Casus:</source>
        <translation>&amp;Case:</translation>
    </message>
    <message>
        <source>Kop, betrokkenen, tijdlijn van signalen, besluiten, acties, huisbezoeken en opschalingen van één casus. Voettekst &apos;Vertrouwelijk&apos; op elke pagina.</source>
        <translation>Header, persons involved, timeline of signals, decisions, actions, home visits and escalations of one case. Footer &apos;Confidential&apos; on every page.</translation>
    </message>
    <message>
        <source>Buurtschouwpakket</source>
        <translation>Neighbourhood walk pack</translation>
    </message>
    <message>
        <source>&amp;Focusgebied:</source>
        <translation>&amp;Focus area:</translation>
    </message>
    <message>
        <source>&amp;Datum van de schouw:</source>
        <translation>&amp;Date of the walk:</translation>
    </message>
    <message>
        <source>Route, open signalen per straat (zonder namen), de checklist heel, schoon, veilig en CPTED, en een lege bevindingentabel.</source>
        <translation>Route, open signals per street (without names), the checklist intact, clean, safe and CPTED, and an empty table of findings.</translation>
    </message>
    <message>
        <source>Managementrapportage</source>
        <translation>Management report</translation>
    </message>
    <message>
        <source>&amp;Periode:</source>
        <translation>&amp;Period:</translation>
    </message>
    <message>
        <source>F&amp;ocusgebied:</source>
        <translation>F&amp;ocus area:</translation>
    </message>
    <message>
        <source>Cijfers per bron en categorie, casussen, behandeltijd, acties, huisbezoeken, opschalingen en de wijkagentnorm. Geen persoonsgegevens; aantallen onder de 5 als &apos;&lt;5&apos;.</source>
        <translation>Figures by source and category, cases, handling time, actions, home visits, escalations and the neighbourhood officer norm. No personal data; numbers under 5 as &apos;&lt;5&apos;.</translation>
    </message>
    <message>
        <source>Alle focusgebieden</source>
        <translation>All focus areas</translation>
    </message>
    <message>
        <source>Vul de casusreferentie in, bijvoorbeeld C-2026-00042.</source>
        <translation>Fill in the case reference, for example C-2026-00042.</translation>
    </message>
    <message>
        <source>Geen toegang</source>
        <translation>No access</translation>
    </message>
    <message>
        <source>{message}

Is dit nodig voor uw werk, geef dan de reden op (noodknop). De reden wordt vastgelegd en de beheerder ziet deze toegang.</source>
        <translation>{message}

If this is needed for your work, give the reason (emergency access). The reason is recorded and the administrator sees this access.</translation>
    </message>
    <message>
        <source>Kies een focusgebied.</source>
        <translation>Choose a focus area.</translation>
    </message>
    <message>
        <source>Opslaan als</source>
        <translation>Save as</translation>
    </message>
    <message>
        <source>PDF-bestanden (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>Bezig met het document…</source>
        <translation>Working on the document…</translation>
    </message>
    <message>
        <source>Het document wordt gemaakt…</source>
        <translation>Making the document…</translation>
    </message>
    <message>
        <source>Het document is niet gemaakt.</source>
        <translation>The document has not been made.</translation>
    </message>
    <message>
        <source>Geopend: {name}</source>
        <translation>Opened: {name}</translation>
    </message>
    <message>
        <source>Naar de printer gestuurd: {name}</source>
        <translation>Sent to the printer: {name}</translation>
    </message>
    <message>
        <source>Afdrukken geannuleerd.</source>
        <translation>Printing cancelled.</translation>
    </message>
    <message>
        <source>Opgeslagen: {path}</source>
        <translation>Saved: {path}</translation>
    </message>
    <message>
        <source>Gemaakt, maar niet geopend: {path}</source>
        <translation>Made, but not opened: {path}</translation>
    </message>
</context>
<context>
    <name>RetentionPanel</name>
    <message>
        <source>Termijn wijzigen</source>
        <translation>Change term</translation>
    </message>
    <message>
        <source> dagen</source>
        <translation> days</translation>
    </message>
    <message>
        <source>Termijn &amp;opslaan</source>
        <translation>&amp;Save term</translation>
    </message>
    <message>
        <source>Termijn</source>
        <translation>Term</translation>
    </message>
    <message>
        <source>Wettelijke grondslag</source>
        <translation>Legal basis</translation>
    </message>
    <message>
        <source>Opschonen</source>
        <translation>Purge</translation>
    </message>
    <message>
        <source>Opschonen verwijdert wat volgens de termijnen weg moet, echt en definitief, en legt in het verwijderregister vast wat en onder welke regel (zonder inhoud). Dit gebeurt ook dagelijks vanzelf.</source>
        <translation>Purging permanently deletes what must go under the retention periods, and records in the deletion register what was deleted and under which rule (without content). This also happens automatically every day.</translation>
    </message>
    <message>
        <source>Nu &amp;opschonen…</source>
        <translation>&amp;Purge now…</translation>
    </message>
    <message>
        <source>Peildatum</source>
        <translation>Reference date</translation>
    </message>
    <message>
        <source>Alles wat volgens de bewaartermijnen op {day} weg moet, wordt nu definitief verwijderd of geanonimiseerd. Doorgaan?</source>
        <translation>Everything that must go under the retention periods on {day} will now be permanently deleted or anonymised. Continue?</translation>
    </message>
    <message>
        <source>Opschonen volgens de bewaartermijnen…</source>
        <translation>Purging under the retention periods…</translation>
    </message>
</context>
<context>
    <name>RetentionTableModel</name>
    <message>
        <source>Gegevens</source>
        <translation>Data</translation>
    </message>
    <message>
        <source>Categorie</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>alle</source>
        <translation>all</translation>
    </message>
    <message>
        <source>Termijn</source>
        <translation>Term</translation>
    </message>
    <message>
        <source>{days} dagen (± {years} jaar)</source>
        <translation>{days} days (± {years} years)</translation>
    </message>
    <message>
        <source>Wettelijke grondslag</source>
        <translation>Legal basis</translation>
    </message>
</context>
<context>
    <name>RoutingRuleDialog</name>
    <message>
        <source>Routeringsregel wijzigen</source>
        <translation>Change routing rule</translation>
    </message>
    <message>
        <source>Nieuwe routeringsregel</source>
        <translation>New routing rule</translation>
    </message>
    <message>
        <source>Een regel geldt als alle ingevulde voorwaarden kloppen; een lege voorwaarde geldt voor alles. Regels worden op volgorde geprobeerd: de eerste die past, beslist. Een nieuwe regel komt onderaan.</source>
        <translation>A rule applies when all filled-in conditions hold; an empty condition applies to everything. Rules are tried in order: the first that matches decides. A new rule goes at the bottom.</translation>
    </message>
    <message>
        <source>(alle)</source>
        <translation>(all)</translation>
    </message>
    <message>
        <source>Regel is actief</source>
        <translation>Rule is active</translation>
    </message>
    <message>
        <source>&amp;Naam:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Categorie:</source>
        <translation>&amp;Category:</translation>
    </message>
    <message>
        <source>&amp;Hoofdcategorie:</source>
        <translation>&amp;Main category:</translation>
    </message>
    <message>
        <source>&amp;Focusgebied:</source>
        <translation>&amp;Focus area:</translation>
    </message>
    <message>
        <source>&amp;Bron:</source>
        <translation>&amp;Source:</translation>
    </message>
    <message>
        <source>&amp;Urgentie:</source>
        <translation>&amp;Urgency:</translation>
    </message>
    <message>
        <source>&amp;Dan naar:</source>
        <translation>&amp;Then to:</translation>
    </message>
</context>
<context>
    <name>RoutingRuleTableModel</name>
    <message>
        <source>categorie {value}</source>
        <translation>category {value}</translation>
    </message>
    <message>
        <source>hoofdcategorie {value}</source>
        <translation>main category {value}</translation>
    </message>
    <message>
        <source>focusgebied {value}</source>
        <translation>focus area {value}</translation>
    </message>
    <message>
        <source>bron {value}</source>
        <translation>source {value}</translation>
    </message>
    <message>
        <source>urgentie {value}</source>
        <translation>urgency {value}</translation>
    </message>
    <message>
        <source>elk signaal</source>
        <translation>every signal</translation>
    </message>
    <message>
        <source>Volgorde</source>
        <translation>Order</translation>
    </message>
    <message>
        <source>Naam</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Als</source>
        <translation>If</translation>
    </message>
    <message>
        <source>Dan naar</source>
        <translation>Then to</translation>
    </message>
    <message>
        <source>Actief</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>ja</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>nee (uitgeschakeld)</source>
        <translation>no (switched off)</translation>
    </message>
</context>
<context>
    <name>RoutingRulesPanel</name>
    <message>
        <source>&amp;Nieuwe regel…</source>
        <translation>&amp;New rule…</translation>
    </message>
    <message>
        <source>&amp;Wijzigen…</source>
        <translation>&amp;Change…</translation>
    </message>
    <message>
        <source>Omhoog</source>
        <translation>Up</translation>
    </message>
    <message>
        <source>Eerder proberen (Ctrl+Omhoog)</source>
        <translation>Try earlier (Ctrl+Up)</translation>
    </message>
    <message>
        <source>Omlaag</source>
        <translation>Down</translation>
    </message>
    <message>
        <source>Later proberen (Ctrl+Omlaag)</source>
        <translation>Try later (Ctrl+Down)</translation>
    </message>
    <message>
        <source>Uitschakelen</source>
        <translation>Switch off</translation>
    </message>
    <message>
        <source>Regels worden van boven naar beneden geprobeerd; de eerste die past, beslist waar een signaal heen gaat. Past geen regel, dan volgt het signaal het overleg van zijn categorie.</source>
        <translation>Rules are tried from top to bottom; the first that matches decides where a signal goes. If no rule matches, the signal follows the meeting of its category.</translation>
    </message>
    <message>
        <source>Testen: naar welk overleg gaat dit signaal, en waarom?</source>
        <translation>Test: which meeting does this signal go to, and why?</translation>
    </message>
    <message>
        <source>&amp;Testen</source>
        <translation>&amp;Test</translation>
    </message>
    <message>
        <source>Ca&amp;tegorie:</source>
        <translation>Ca&amp;tegory:</translation>
    </message>
    <message>
        <source>&amp;Focusgebied:</source>
        <translation>&amp;Focus area:</translation>
    </message>
    <message>
        <source>B&amp;ron:</source>
        <translation>S&amp;ource:</translation>
    </message>
    <message>
        <source>&amp;Urgentie:</source>
        <translation>&amp;Urgency:</translation>
    </message>
    <message>
        <source>Routering</source>
        <translation>Routing</translation>
    </message>
    <message>
        <source>(buiten de focusgebieden)</source>
        <translation>(outside the focus areas)</translation>
    </message>
    <message>
        <source>Inschakelen</source>
        <translation>Switch on</translation>
    </message>
    <message>
        <source>Bezig…</source>
        <translation>Busy…</translation>
    </message>
    <message>
        <source>Naar: {target}</source>
        <translation>To: {target}</translation>
    </message>
</context>
<context>
    <name>ServiceFormDialog</name>
    <message>
        <source>Opslaan</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Mijn invoer opnieuw &amp;toepassen</source>
        <translation>&amp;Apply my input again</translation>
    </message>
    <message>
        <source>Sla uw invoer op over de nieuwe gegevens heen; de wijziging van de ander gaat dan verloren waar uw invoer dezelfde gegevens raakt.</source>
        <translation>Save your input over the new data; the other person&apos;s change is lost where your input touches the same data.</translation>
    </message>
</context>
<context>
    <name>SignInFields</name>
    <message>
        <source>Gebruiker</source>
        <translation>User</translation>
    </message>
    <message>
        <source>Wachtwoord</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>Vul uw gebruikersnaam in.</source>
        <translation>Fill in your user name.</translation>
    </message>
    <message>
        <source>Vul uw wachtwoord in.</source>
        <translation>Fill in your passphrase.</translation>
    </message>
    <message>
        <source>Onjuiste gebruikersnaam of wachtwoord. Probeer het opnieuw.</source>
        <translation>Wrong user name or passphrase. Please try again.</translation>
    </message>
</context>
<context>
    <name>SignalChoiceModel</name>
    <message>
        <source>Signaal</source>
        <translation>Signal</translation>
    </message>
    <message>
        <source>Ontvangen</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>Categorie</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Adres</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>SignalDialog</name>
    <message>
        <source>Signaal</source>
        <translation>Signal</translation>
    </message>
    <message>
        <source>Signaal laden…</source>
        <translation>Loading signal…</translation>
    </message>
    <message>
        <source>Casus openen</source>
        <translation>Open case</translation>
    </message>
    <message>
        <source>Koppelen aan casus…</source>
        <translation>Link to case…</translation>
    </message>
    <message>
        <source>Af&amp;wijzen…</source>
        <translation>&amp;Reject…</translation>
    </message>
    <message>
        <source>&amp;Afgehandeld…</source>
        <translation>&amp;Handled…</translation>
    </message>
    <message>
        <source>Het signaal is afgehandeld; u geeft het resultaat.</source>
        <translation>The signal has been handled; you give the result.</translation>
    </message>
    <message>
        <source>&amp;Nieuwe casus</source>
        <translation>&amp;New case</translation>
    </message>
    <message>
        <source>Maak een casus op dit adres; dit signaal wordt haar eerste signaal.</source>
        <translation>Make a case at this address; this signal becomes its first signal.</translation>
    </message>
    <message>
        <source>Sluiten</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Noodknop</source>
        <translation>Emergency access</translation>
    </message>
    <message>
        <source>Dit signaal valt buiten uw werkgebied. Wilt u het toch openen, geef dan de reden. Dit wordt vastgelegd en de beheerder ziet het.</source>
        <translation>This signal is outside your area. If you still want to open it, give the reason. This is recorded and the administrator sees it.</translation>
    </message>
    <message>
        <source>Ontvangen</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>Bron</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Categorie</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Adres</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Focusgebied</source>
        <translation>Focus area</translation>
    </message>
    <message>
        <source>geen ({municipality})</source>
        <translation>none ({municipality})</translation>
    </message>
    <message>
        <source>Urgentie</source>
        <translation>Urgency</translation>
    </message>
    <message>
        <source>Melder</source>
        <translation>Reporter</translation>
    </message>
    <message>
        <source>anoniem</source>
        <translation>anonymous</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Casus</source>
        <translation>Case</translation>
    </message>
    <message>
        <source>geen</source>
        <translation>none</translation>
    </message>
    <message>
        <source>Afhandelen vóór</source>
        <translation>Handle before</translation>
    </message>
    <message>
        <source> (te laat)</source>
        <translation> (late)</translation>
    </message>
    <message>
        <source> (gekoppeld: de casus bewaakt de opvolging)</source>
        <translation> (linked: the case watches the follow-up)</translation>
    </message>
    <message>
        <source>Routering</source>
        <translation>Routing</translation>
    </message>
    <message>
        <source>niet gerouteerd</source>
        <translation>not routed</translation>
    </message>
    <message>
        <source>Geopend met de noodknop; dit is vastgelegd.</source>
        <translation>Opened with emergency access; this has been recorded.</translation>
    </message>
    <message>
        <source>Signaal {ref}</source>
        <translation>Signal {ref}</translation>
    </message>
    <message>
        <source>Omschrijving</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Betrokkenen</source>
        <translation>Persons involved</translation>
    </message>
    <message>
        <source>Geschiedenis</source>
        <translation>History</translation>
    </message>
    <message>
        <source>Koppelen aan casus</source>
        <translation>Link to case</translation>
    </message>
    <message>
        <source>Koppelen aan casus {ref}</source>
        <translation>Link to case {ref}</translation>
    </message>
    <message>
        <source>Reden (komt in de geschiedenis):</source>
        <translation>Reason (goes into the history):</translation>
    </message>
</context>
<context>
    <name>SignalOutcomeBox</name>
    <message>
        <source>Wat gebeurt er met het signaal?</source>
        <translation>What happens to the signal?</translation>
    </message>
    <message>
        <source>C-2026-00012</source>
        <translation>C-2026-00012</translation>
    </message>
    <message>
        <source>Si&amp;gnaal:</source>
        <translation>Si&amp;gnal:</translation>
    </message>
    <message>
        <source>T&amp;oelichting:</source>
        <translation>N&amp;ote:</translation>
    </message>
    <message>
        <source>Cas&amp;us:</source>
        <translation>Cas&amp;e:</translation>
    </message>
    <message>
        <source>het resultaat (verplicht)</source>
        <translation>the result (required)</translation>
    </message>
    <message>
        <source>de reden (verplicht)</source>
        <translation>the reason (required)</translation>
    </message>
    <message>
        <source>toelichting (optioneel)</source>
        <translation>note (optional)</translation>
    </message>
</context>
<context>
    <name>SignalOutcomeDialog</name>
    <message>
        <source>Signaal afhandelen</source>
        <translation>Handle signal</translation>
    </message>
    <message>
        <source>Signaal afwijzen</source>
        <translation>Reject signal</translation>
    </message>
    <message>
        <source>Signaal {ref} afhandelen. Wat is het resultaat? (komt in de geschiedenis)</source>
        <translation>Handle signal {ref}. What is the result? (goes into the history)</translation>
    </message>
    <message>
        <source>Signaal {ref} afwijzen. Waarom? (komt in de geschiedenis)</source>
        <translation>Reject signal {ref}. Why? (goes into the history)</translation>
    </message>
    <message>
        <source>bijv. lamp vervangen door de gemeente</source>
        <translation>e.g. lamp replaced by the municipality</translation>
    </message>
    <message>
        <source>bijv. dubbele melding van S-…</source>
        <translation>e.g. duplicate report of S-…</translation>
    </message>
    <message>
        <source>Afhandelen</source>
        <translation>Handle</translation>
    </message>
    <message>
        <source>Afwijzen</source>
        <translation>Reject</translation>
    </message>
    <message>
        <source>Ctrl+Enter</source>
        <translation>Ctrl+Enter</translation>
    </message>
    <message>
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>SignalTableModel</name>
    <message>
        <source>Ontvangen</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>Referentie</source>
        <translation>Reference</translation>
    </message>
    <message>
        <source>Bron</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Categorie</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Adres</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Focusgebied</source>
        <translation>Focus area</translation>
    </message>
    <message>
        <source>Urgentie</source>
        <translation>Urgency</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Casus</source>
        <translation>Case</translation>
    </message>
    <message>
        <source>Termijn</source>
        <translation>Term</translation>
    </message>
    <message>
        <source>Over de termijn</source>
        <translation>Past its term</translation>
    </message>
    <message>
        <source>Afhandelen vóór deze datum</source>
        <translation>Handle before this date</translation>
    </message>
</context>
<context>
    <name>SignalsPage</name>
    <message>
        <source>Zoeken in signalen: referentie, omschrijving, adres, postcode, naam…</source>
        <translation>Search signals: reference, description, address, postcode, name…</translation>
    </message>
    <message>
        <source>Nieuw signaal…</source>
        <translation>New signal…</translation>
    </message>
    <message>
        <source>Focusgebied</source>
        <translation>Focus area</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Bron</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Periode</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>altijd</source>
        <translation>always</translation>
    </message>
    <message>
        <source>vandaag</source>
        <translation>today</translation>
    </message>
    <message>
        <source>afgelopen week</source>
        <translation>past week</translation>
    </message>
    <message>
        <source>afgelopen 30 dagen</source>
        <translation>past 30 days</translation>
    </message>
    <message>
        <source>afgelopen 3 maanden</source>
        <translation>past 3 months</translation>
    </message>
    <message>
        <source>dit jaar</source>
        <translation>this year</translation>
    </message>
    <message>
        <source>Over de termijn</source>
        <translation>Past its term</translation>
    </message>
    <message>
        <source>Filters wissen</source>
        <translation>Clear filters</translation>
    </message>
    <message>
        <source>Signalen</source>
        <translation>Signals</translation>
    </message>
    <message>
        <source>Zoeken…</source>
        <translation>Search…</translation>
    </message>
    <message>
        <source>{n} signaal</source>
        <translation>{n} signal</translation>
    </message>
    <message>
        <source>{n} signalen</source>
        <translation>{n} signals</translation>
    </message>
    <message>
        <source>Meer dan {n} signalen, de rest wordt geladen…</source>
        <translation>More than {n} signals, loading the rest…</translation>
    </message>
    <message>
        <source>Geen signalen gevonden met deze zoekwoorden of filters.</source>
        <translation>No signals found with these search words or filters.</translation>
    </message>
    <message>
        <source>Er zijn nog geen signalen. Kies &apos;Nieuw signaal…&apos; om er een vast te leggen.</source>
        <translation>There are no signals yet. Choose &apos;New signal…&apos; to record one.</translation>
    </message>
    <message>
        <source>&amp;Openen</source>
        <translation>&amp;Open</translation>
    </message>
    <message>
        <source>&amp;Casus {ref} openen</source>
        <translation>Open &amp;case {ref}</translation>
    </message>
    <message>
        <source>&amp;Afgehandeld…</source>
        <translation>&amp;Handled…</translation>
    </message>
    <message>
        <source>&amp;Nieuwe casus van dit signaal</source>
        <translation>&amp;New case from this signal</translation>
    </message>
    <message>
        <source>&amp;Koppelen aan casus…</source>
        <translation>&amp;Link to case…</translation>
    </message>
    <message>
        <source>Af&amp;wijzen…</source>
        <translation>&amp;Reject…</translation>
    </message>
</context>
<context>
    <name>StatusChange</name>
    <message>
        <source>Afschalen</source>
        <translation>De-escalate</translation>
    </message>
    <message>
        <source>In behandeling nemen</source>
        <translation>Take into progress</translation>
    </message>
    <message>
        <source>Opschalen…</source>
        <translation>Escalate…</translation>
    </message>
    <message>
        <source>Afsluiten</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Heropenen</source>
        <translation>Reopen</translation>
    </message>
    <message>
        <source>Openen</source>
        <translation>Open</translation>
    </message>
</context>
<context>
    <name>StatusChangeDialog</name>
    <message>
        <source>Status wijzigen</source>
        <translation>Change status</translation>
    </message>
    <message>
        <source>Casus {ref}: van &apos;{old}&apos; naar &apos;{new}&apos;.</source>
        <translation>Case {ref}: from &apos;{old}&apos; to &apos;{new}&apos;.</translation>
    </message>
    <message>
        <source>Waarom? Dit komt in de geschiedenis.</source>
        <translation>Why? This goes into the history.</translation>
    </message>
    <message>
        <source>Reden</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>kenmerk bij de ontvanger (optioneel)</source>
        <translation>reference at the recipient (optional)</translation>
    </message>
    <message>
        <source>Opschalen naar</source>
        <translation>Escalate to</translation>
    </message>
    <message>
        <source>Kenmerk</source>
        <translation>Reference</translation>
    </message>
</context>
<context>
    <name>SubjectRequestPanel</name>
    <message>
        <source>Vraagt iemand welke gegevens over hem of haar zijn vastgelegd (AVG artikel 15)? Maak dan hier een PDF en een JSON-bestand met alles over die persoon: signalen, casussen, acties, huisbezoeken, opschalingen en wie de gegevens inzag. Gegevens over anderen worden weggelaten. Lees de PDF na voordat u hem afgeeft.</source>
        <translation>Has someone asked what data about them has been recorded (GDPR article 15)? Then make a PDF and a JSON file here with everything about that person: signals, cases, actions, home visits, escalations and who viewed the data. Data about others is left out. Read through the PDF before handing it over.</translation>
    </message>
    <message>
        <source>naam (en geboortejaar) of referentie, bijv. P-2026-000015</source>
        <translation>name (and birth year) or reference, e.g. P-2026-000015</translation>
    </message>
    <message>
        <source>Persoon &amp;zoeken…</source>
        <translation>Search for &amp;person…</translation>
    </message>
    <message>
        <source>&amp;Gegevens exporteren…</source>
        <translation>&amp;Export data…</translation>
    </message>
    <message>
        <source>Persoon</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Persoon voor het inzageverzoek</source>
        <translation>Person for the access request</translation>
    </message>
    <message>
        <source>Gekozen: {name}{born} ({ref}){cases}</source>
        <translation>Chosen: {name}{born} ({ref}){cases}</translation>
    </message>
    <message>
        <source>; casussen: {refs}</source>
        <translation>; cases: {refs}</translation>
    </message>
    <message>
        <source>Zoek eerst de persoon op naam, of vul de referentie in.</source>
        <translation>First search for the person by name, or fill in the reference.</translation>
    </message>
    <message>
        <source>Map voor de PDF en het JSON-bestand</source>
        <translation>Folder for the PDF and the JSON file</translation>
    </message>
    <message>
        <source>De gegevens worden verzameld…</source>
        <translation>Collecting the data…</translation>
    </message>
    <message>
        <source>Klaar: {signals} signalen, {cases} casussen en {accesses} vermeldingen van inzage voor {ref}.
PDF: {pdf}
JSON: {json}</source>
        <translation>Done: {signals} signals, {cases} cases and {accesses} access records for {ref}.
PDF: {pdf}
JSON: {json}</translation>
    </message>
</context>
<context>
    <name>TimelineModel</name>
    <message>
        <source>Datum</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Soort</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Referentie</source>
        <translation>Reference</translation>
    </message>
    <message>
        <source>Wat</source>
        <translation>What</translation>
    </message>
</context>
<context>
    <name>TodayPage</name>
    <message>
        <source>&amp;Afronden…</source>
        <translation>&amp;Complete…</translation>
    </message>
    <message>
        <source>Rondt het gekozen werk af: een actie met een kort resultaat, de uitkomst van een huisbezoek, de evaluatie van een casus, een signaal afhandelen.</source>
        <translation>Completes the chosen work: an action with a short result, the outcome of a home visit, the review of a case, handling a signal.</translation>
    </message>
    <message>
        <source>Vandaag</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>Bijwerken…</source>
        <translation>Updating…</translation>
    </message>
    <message>
        <source>Te laat</source>
        <translation>Late</translation>
    </message>
    <message>
        <source>Deze week</source>
        <translation>This week</translation>
    </message>
    <message>
        <source>Nieuwe signalen om te beoordelen</source>
        <translation>New signals to assess</translation>
    </message>
    <message>
        <source>Vandaag, {day}: niets te laat en niets meer deze week.</source>
        <translation>Today, {day}: nothing late and nothing more this week.</translation>
    </message>
    <message>
        <source>Vandaag, {day}: {late} te laat, {week} deze week, {triage} te beoordelen.</source>
        <translation>Today, {day}: {late} late, {week} this week, {triage} to assess.</translation>
    </message>
    <message>
        <source>Te laat ({n})</source>
        <translation>Late ({n})</translation>
    </message>
    <message>
        <source>Deze week ({n})</source>
        <translation>This week ({n})</translation>
    </message>
    <message>
        <source>Nieuwe signalen om te beoordelen ({n})</source>
        <translation>New signals to assess ({n})</translation>
    </message>
</context>
<context>
    <name>TriageModel</name>
    <message>
        <source>Ontvangen</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>Referentie</source>
        <translation>Reference</translation>
    </message>
    <message>
        <source>Categorie</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Urgentie</source>
        <translation>Urgency</translation>
    </message>
    <message>
        <source>Plaats</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>Focusgebied</source>
        <translation>Focus area</translation>
    </message>
    <message>
        <source>Waarom hier</source>
        <translation>Why here</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <source>Vergrendeld</source>
        <translation>Locked</translation>
    </message>
    <message>
        <source>Aanmelden</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <source>Het programma is vergrendeld. Meld u opnieuw aan om verder te werken.</source>
        <translation>The program is locked. Sign in again to continue working.</translation>
    </message>
    <message>
        <source>Meld u aan met uw gebruikersnaam en wachtwoord.</source>
        <translation>Sign in with your user name and passphrase.</translation>
    </message>
    <message>
        <source>Herstellen uit back-up…</source>
        <translation>Restore from backup…</translation>
    </message>
    <message>
        <source>Herstelcode gebruiken…</source>
        <translation>Use recovery code…</translation>
    </message>
    <message>
        <source>Wachtwoord van de beheerder kwijt? Meld aan met de afgedrukte herstelcode.</source>
        <translation>Administrator passphrase lost? Sign in with the printed recovery code.</translation>
    </message>
    <message>
        <source>Ontgrendelen</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <source>Afsluiten</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>Andere verbinding…</source>
        <translation>Other connection…</translation>
    </message>
    <message>
        <source>Werk op de server van het centrum.</source>
        <translation>Work on the centre&apos;s server.</translation>
    </message>
    <message>
        <source>Opslag: {folder}</source>
        <translation>Store: {folder}</translation>
    </message>
    <message>
        <source>Bezig met ontgrendelen…</source>
        <translation>Unlocking…</translation>
    </message>
    <message>
        <source>De opslag is beschadigd: {problem} U kunt een back-up terugzetten.</source>
        <translation>The store is damaged: {problem} You can restore a backup.</translation>
    </message>
    <message>
        <source>Kies een back-up</source>
        <translation>Choose a backup</translation>
    </message>
    <message>
        <source>Sociaal Veilig-back-up (*.svbackup *.svbak);;Alle bestanden (*)</source>
        <translation>Sociaal Veilig backup (*.svbackup *.svbak);;All files (*)</translation>
    </message>
    <message>
        <source>Vul uw wachtwoord in; daarmee wordt ook de back-up geopend.</source>
        <translation>Fill in your passphrase; it also opens the backup.</translation>
    </message>
    <message>
        <source>De back-up wordt gecontroleerd en teruggezet…</source>
        <translation>Verifying and restoring the backup…</translation>
    </message>
</context>
<context>
    <name>UnmetCriteriaField</name>
    <message>
        <source>Waarom toch naar het Zorg- en Veiligheidshuis? Dit wordt vastgelegd.</source>
        <translation>Why escalate to the Zorg- en Veiligheidshuis anyway? This is recorded.</translation>
    </message>
    <message>
        <source>Deze casus voldoet niet aan de ZVH-criteria: {missing}. Opschalen kan, maar geef aan waarom.</source>
        <translation>This case does not meet the ZVH criteria: {missing}. You can escalate, but state why.</translation>
    </message>
</context>
<context>
    <name>UrgencySection</name>
    <message>
        <source>Urgentie</source>
        <translation>Urgency</translation>
    </message>
</context>
<context>
    <name>UserTableModel</name>
    <message>
        <source>Gebruikersnaam</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>Naam</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Rol</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Organisatie</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Actief</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>ja</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>nee</source>
        <translation>no</translation>
    </message>
    <message>
        <source>Focusgebieden</source>
        <translation>Focus areas</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
</context>
<context>
    <name>UsersPanel</name>
    <message>
        <source>&amp;Gebruiker toevoegen…</source>
        <translation>&amp;Add user…</translation>
    </message>
    <message>
        <source>&amp;Rol wijzigen…</source>
        <translation>&amp;Change role…</translation>
    </message>
    <message>
        <source>&amp;Toegang intrekken…</source>
        <translation>&amp;Withdraw access…</translation>
    </message>
    <message>
        <source>De gebruiker kan de opslag niet meer openen. Het account blijft bestaan voor het logboek.</source>
        <translation>The user can no longer open the store. The account stays for the log.</translation>
    </message>
    <message>
        <source>Toegang &amp;herstellen…</source>
        <translation>&amp;Restore access…</translation>
    </message>
    <message>
        <source>Weer toegang geven, met een nieuw wachtwoord.</source>
        <translation>Give access again, with a new passphrase.</translation>
    </message>
    <message>
        <source>&amp;Sessies beëindigen…</source>
        <translation>&amp;End sessions…</translation>
    </message>
    <message>
        <source>Meld deze gebruiker af op elke werkplek die met het centrum verbonden is (bijvoorbeeld na verlies van een laptop).</source>
        <translation>Sign this user out at every desk connected to the centre (for instance after a lost laptop).</translation>
    </message>
    <message>
        <source>Rollen: beheerder (inrichting, geen casusinhoud), coördinator (alle casussen), wijkagent (eigen focusgebieden), partner (casussen van de eigen overleggen en acties), manager (cijfers, gepseudonimiseerd).</source>
        <translation>Roles: administrator (set-up, no case content), coordinator (all cases), neighbourhood officer (own focus areas), partner (cases of its own meetings and actions), manager (figures, pseudonymised).</translation>
    </message>
    <message>
        <source>Gebruikers</source>
        <translation>Users</translation>
    </message>
    <message>
        <source>Toegang intrekken</source>
        <translation>Withdraw access</translation>
    </message>
    <message>
        <source>{name} ({user}) kan de opslag daarna niet meer openen. Het account blijft bewaard voor het logboek; u kunt later weer toegang geven met een nieuw wachtwoord.

Toegang intrekken?</source>
        <translation>{name} ({user}) can no longer open the store after this. The account is kept for the log; you can give access again later with a new passphrase.

Withdraw access?</translation>
    </message>
    <message>
        <source>Sessies beëindigen</source>
        <translation>End sessions</translation>
    </message>
    <message>
        <source>{name} ({user}) wordt afgemeld op elke werkplek die met het centrum verbonden is en moet zich opnieuw aanmelden.

Sessies beëindigen?</source>
        <translation>{name} ({user}) will be signed out at every desk connected to the centre and must sign in again.

End sessions?</translation>
    </message>
    <message>
        <source>{name} is afgemeld op {count} werkplek(ken).</source>
        <translation>{name} was signed out at {count} desk(s).</translation>
    </message>
    <message>
        <source>{name} had geen open sessies.</source>
        <translation>{name} had no open sessions.</translation>
    </message>
</context>
<context>
    <name>VisitOutcomeDialog</name>
    <message>
        <source>Uitkomst huisbezoek</source>
        <translation>Home visit outcome</translation>
    </message>
    <message>
        <source>Huisbezoek van {when} op {address}.</source>
        <translation>Home visit of {when} at {address}.</translation>
    </message>
    <message>
        <source>Uitgevoerd (aantekeningen verplicht)</source>
        <translation>Done (notes required)</translation>
    </message>
    <message>
        <source>Niemand thuis (een nieuwe datum wordt voorgesteld)</source>
        <translation>No one home (a new date is proposed)</translation>
    </message>
    <message>
        <source>Toegang geweigerd</source>
        <translation>Access refused</translation>
    </message>
    <message>
        <source>&amp;Uitkomst:</source>
        <translation>&amp;Outcome:</translation>
    </message>
    <message>
        <source>&amp;Aantekeningen:</source>
        <translation>&amp;Notes:</translation>
    </message>
</context>
<context>
    <name>VisitTimeDialog</name>
    <message>
        <source>&amp;Datum:</source>
        <translation>&amp;Date:</translation>
    </message>
    <message>
        <source>&amp;Van:</source>
        <translation>&amp;From:</translation>
    </message>
    <message>
        <source>&amp;Tot:</source>
        <translation>&amp;To:</translation>
    </message>
    <message>
        <source>Nieuw huisbezoek plannen</source>
        <translation>Plan new home visit</translation>
    </message>
    <message>
        <source>Niemand thuis of geen toegang op {old}. Voorstel: dezelfde tijd op de volgende werkdag. Pas zo nodig aan en bevestig; de partners, het adres en het doel blijven gelijk.</source>
        <translation>No one home or no access on {old}. Proposal: the same time on the next working day. Adjust if needed and confirm; the partners, the address and the purpose stay the same.</translation>
    </message>
    <message>
        <source>Inplannen</source>
        <translation>Schedule</translation>
    </message>
</context>
<context>
    <name>VisitsPage</name>
    <message>
        <source>Weekplanning huisbezoeken</source>
        <translation>Weekly planning of home visits</translation>
    </message>
    <message>
        <source>Geen huisbezoeken in deze week.</source>
        <translation>No home visits this week.</translation>
    </message>
    <message>
        <source>◀ Vorige week</source>
        <translation>◀ Previous week</translation>
    </message>
    <message>
        <source>Alt+Links</source>
        <translation>Alt+Left</translation>
    </message>
    <message>
        <source>Deze week</source>
        <translation>This week</translation>
    </message>
    <message>
        <source>Volgende week ▶</source>
        <translation>Next week ▶</translation>
    </message>
    <message>
        <source>Alt+Rechts</source>
        <translation>Alt+Right</translation>
    </message>
    <message>
        <source>Huisbezoek &amp;plannen…</source>
        <translation>&amp;Plan home visit…</translation>
    </message>
    <message>
        <source>&amp;Mijn agenda exporteren…</source>
        <translation>&amp;Export my calendar…</translation>
    </message>
    <message>
        <source>Uw huisbezoeken en overleggen (vanaf 30 dagen terug tot een jaar vooruit) als .ics-bestand voor Outlook of een ander agendaprogramma.</source>
        <translation>Your home visits and meetings (from 30 days back to a year ahead) as an .ics file for Outlook or another calendar program.</translation>
    </message>
    <message>
        <source>Wanneer:</source>
        <translation>When:</translation>
    </message>
    <message>
        <source>Adres:</source>
        <translation>Address:</translation>
    </message>
    <message>
        <source>Casus:</source>
        <translation>Case:</translation>
    </message>
    <message>
        <source>Partners:</source>
        <translation>Partners:</translation>
    </message>
    <message>
        <source>Doel:</source>
        <translation>Purpose:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Aantekeningen:</source>
        <translation>Notes:</translation>
    </message>
    <message>
        <source>&amp;Uitkomst vastleggen…</source>
        <translation>&amp;Record outcome…</translation>
    </message>
    <message>
        <source>&amp;Opnieuw plannen…</source>
        <translation>&amp;Plan again…</translation>
    </message>
    <message>
        <source>&amp;Verplaatsen…</source>
        <translation>&amp;Move…</translation>
    </message>
    <message>
        <source>&amp;Annuleren…</source>
        <translation>&amp;Cancel…</translation>
    </message>
    <message>
        <source>Casus openen</source>
        <translation>Open case</translation>
    </message>
    <message>
        <source>Exporteren naar agenda (.ics)…</source>
        <translation>Export to calendar (.ics)…</translation>
    </message>
    <message>
        <source>Dit huisbezoek als afspraak voor Outlook of een ander agendaprogramma.</source>
        <translation>This home visit as an appointment for Outlook or another calendar program.</translation>
    </message>
    <message>
        <source>Huisbezoeken</source>
        <translation>Home visits</translation>
    </message>
    <message>
        <source>Week {week} · {first} t/m {last}</source>
        <translation>Week {week} · {first} to {last}</translation>
    </message>
    <message>
        <source>Kies een huisbezoek in de planning.</source>
        <translation>Choose a home visit in the planning.</translation>
    </message>
    <message>
        <source>{day} {start}–{end}</source>
        <translation>{day} {start}–{end}</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source> (gezamenlijk)</source>
        <translation> (joint)</translation>
    </message>
    <message>
        <source> · vervolg op een eerder bezoek</source>
        <translation> · follow-up to an earlier visit</translation>
    </message>
    <message>
        <source>De uitkomst kan worden vastgelegd zodra het bezoek is begonnen.</source>
        <translation>The outcome can be recorded once the visit has started.</translation>
    </message>
    <message>
        <source>Huisbezoek verplaatsen</source>
        <translation>Move home visit</translation>
    </message>
    <message>
        <source>Kies een nieuwe datum en tijd voor het huisbezoek op {address}.</source>
        <translation>Choose a new date and time for the home visit at {address}.</translation>
    </message>
    <message>
        <source>Huisbezoek annuleren</source>
        <translation>Cancel home visit</translation>
    </message>
    <message>
        <source>Waarom vervalt het huisbezoek van {when}?</source>
        <translation>Why does the home visit of {when} lapse?</translation>
    </message>
    <message>
        <source>&amp;Reden:</source>
        <translation>&amp;Reason:</translation>
    </message>
</context>
<context>
    <name>WalkActionTableModel</name>
    <message>
        <source>geen signaal</source>
        <translation>no signal</translation>
    </message>
    <message>
        <source>{type} – {owner}, {deadline}</source>
        <translation>{type} – {owner}, {deadline}</translation>
    </message>
    <message>
        <source>Bevinding</source>
        <translation>Finding</translation>
    </message>
    <message>
        <source>Waar</source>
        <translation>Where</translation>
    </message>
    <message>
        <source>Signaal</source>
        <translation>Signal</translation>
    </message>
    <message>
        <source>Casus</source>
        <translation>Case</translation>
    </message>
    <message>
        <source>Acties</source>
        <translation>Actions</translation>
    </message>
</context>
<context>
    <name>WalkTableModel</name>
    <message>
        <source>Datum</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Focusgebied</source>
        <translation>Focus area</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>{status}, {n} bevindingen</source>
        <translation>{status}, {n} findings</translation>
    </message>
    <message>
        <source>Bevindingen</source>
        <translation>Findings</translation>
    </message>
</context>
<context>
    <name>WeekPlanModel</name>
    <message>
        <source>gezamenlijk</source>
        <translation>joint</translation>
    </message>
    <message>
        <source>niet gezamenlijk</source>
        <translation>not joint</translation>
    </message>
    <message>
        <source>{start} – {end}
{address}
Partners: {partners} ({joint})
Doel: {purpose}
Status: {status}</source>
        <translation>{start} – {end}
{address}
Partners: {partners} ({joint})
Purpose: {purpose}
Status: {status}</translation>
    </message>
</context>
<context>
    <name>WorkCloser</name>
    <message>
        <source>Casus evalueren</source>
        <translation>Review case</translation>
    </message>
    <message>
        <source>{what}: hoe staat de casus ervoor? De volgende evaluatie volgt het risiconiveau, vanaf vandaag.</source>
        <translation>{what}: where does the case stand? The next review follows the risk level, counting from today.</translation>
    </message>
    <message>
        <source>Evaluatie casus</source>
        <translation>Case review</translation>
    </message>
    <message>
        <source>&amp;Stand van zaken:</source>
        <translation>&amp;Current situation:</translation>
    </message>
    <message>
        <source>Evaluatie vastleggen</source>
        <translation>Record review</translation>
    </message>
    <message>
        <source>Agenda verstuurd</source>
        <translation>Agenda sent</translation>
    </message>
    <message>
        <source>Is de agenda van het overleg van {day} naar de partners verstuurd?</source>
        <translation>Has the agenda of the meeting on {day} been sent to the partners?</translation>
    </message>
    <message>
        <source>&amp;Ja, verstuurd</source>
        <translation>&amp;Yes, sent</translation>
    </message>
    <message>
        <source>Overleg &amp;openen</source>
        <translation>&amp;Open meeting</translation>
    </message>
    <message>
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>WorkItemModel</name>
    <message>
        <source>Soort</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Referentie</source>
        <translation>Reference</translation>
    </message>
    <message>
        <source>Wat</source>
        <translation>What</translation>
    </message>
    <message>
        <source>Focusgebied</source>
        <translation>Focus area</translation>
    </message>
    <message>
        <source>Uiterlijk</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Dagen te laat</source>
        <translation>Days late</translation>
    </message>
</context>
<context>
    <name>ZvhChecklist</name>
    <message>
        <source>ZVH-criteria</source>
        <translation>ZVH criteria</translation>
    </message>
    <message>
        <source>Voldoet als 1 én 2 én 3 gelden, én 4 of 5. Het programma stelt voor; u beslist.</source>
        <translation>Met when 1 and 2 and 3 hold, and 4 or 5. The program proposes; you decide.</translation>
    </message>
    <message>
        <source>Vastgelegde feiten (signalen op de casus):</source>
        <translation>Recorded facts (signals on the case):</translation>
    </message>
    <message>
        <source>Criteria &amp;vastleggen</source>
        <translation>&amp;Record criteria</translation>
    </message>
    <message>
        <source>Casus &amp;opschalen…</source>
        <translation>&amp;Escalate case…</translation>
    </message>
    <message>
        <source>Kies een opschaling of zoek een casus op.</source>
        <translation>Choose an escalation or look up a case.</translation>
    </message>
    <message>
        <source>ZVH-criteria van casus {ref}</source>
        <translation>ZVH criteria of case {ref}</translation>
    </message>
    <message>
        <source>Geen signalen op deze casus.</source>
        <translation>No signals on this case.</translation>
    </message>
    <message>
        <source>Voorstel: opschalen naar {target}.
{reasons}</source>
        <translation>Proposal: escalate to {target}.
{reasons}</translation>
    </message>
    <message>
        <source>Het programma stelt nu geen opschaling voor.</source>
        <translation>The program does not propose an escalation now.</translation>
    </message>
    <message>
        <source>Voldoet aan de ZVH-criteria.</source>
        <translation>Meets the ZVH criteria.</translation>
    </message>
    <message>
        <source>Voldoet niet: {missing}.</source>
        <translation>Not met: {missing}.</translation>
    </message>
</context>
<context>
    <name>ZvhCriteriaDialog</name>
    <message>
        <source>ZVH-criteria</source>
        <translation>ZVH criteria</translation>
    </message>
    <message>
        <source>Sluiten</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>ZVH-criteria · casus {ref}</source>
        <translation>ZVH criteria · case {ref}</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>Sociaal Veilig Parkstad: signalen verbinden, casussen volgen.</source>
        <translation>Sociaal Veilig Parkstad: connecting signals, following cases.</translation>
    </message>
    <message>
        <source>map van de opslag (standaard: gebruikersmap)</source>
        <translation>store folder (default: user folder)</translation>
    </message>
    <message>
        <source>werk op de server van het centrum (https://…, of http://127.0.0.1:… om te proberen)</source>
        <translation>work on the centre&apos;s server (https://…, or http://127.0.0.1:… for a trial)</translation>
    </message>
    <message>
        <source>certificaat om te vertrouwen, waar het centrum een eigen certificaat gebruikt</source>
        <translation>certificate to trust, where the centre uses its own certificate</translation>
    </message>
    <message>
        <source>open een tijdelijke opslag met verzonnen gegevens (wordt na afloop gewist)</source>
        <translation>open a temporary store with made-up data (erased afterwards)</translation>
    </message>
    <message>
        <source>controleer de installatie met een tijdelijke opslag en stop (0: in orde)</source>
        <translation>check the installation with a temporary store and exit (0: OK)</translation>
    </message>
    <message>
        <source>--ca hoort bij --server URL; geef die ook op.</source>
        <translation>--ca belongs with --server URL; give that too.</translation>
    </message>
    <message>
        <source>Demo-opslag in {folder}; gebruiker {user}, wachtwoord {passphrase}</source>
        <translation>Demo store in {folder}; user {user}, passphrase {passphrase}</translation>
    </message>
</context>
<context>
    <name>backup_files</name>
    <message>
        <source>Sociaal Veilig-back-ups (*{suffix});;Alle bestanden (*)</source>
        <translation>Sociaal Veilig backups (*{suffix});;All files (*)</translation>
    </message>
</context>
<context>
    <name>calendar_export</name>
    <message>
        <source>Agenda-bestanden (*.ics);;Alle bestanden (*)</source>
        <translation>Calendar files (*.ics);;All files (*)</translation>
    </message>
    <message>
        <source>Agenda-export</source>
        <translation>Calendar export</translation>
    </message>
    <message>
        <source>{n} afspraak/afspraken opgeslagen in {path}. Open het bestand met Outlook of een ander agendaprogramma. De afspraken noemen het casusnummer, het gebied en het soort bezoek of overleg, geen namen van bewoners.</source>
        <translation>{n} appointment(s) saved in {path}. Open the file with Outlook or another calendar program. The appointments give the case number, the area and the kind of visit or meeting, no residents&apos; names.</translation>
    </message>
    <message>
        <source>Opslaan als agenda-bestand</source>
        <translation>Save as calendar file</translation>
    </message>
    <message>
        <source>Het agenda-bestand wordt gemaakt…</source>
        <translation>Making the calendar file…</translation>
    </message>
    <message>
        <source>Er stonden geen huisbezoeken of overleggen in de periode; het bestand {path} is leeg.</source>
        <translation>There were no home visits or meetings in the period; the file {path} is empty.</translation>
    </message>
</context>
<context>
    <name>document_output</name>
    <message>
        <source>Afdrukken</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>Er is geen programma gevonden om PDF-bestanden te openen. Het document staat in {path}.</source>
        <translation>No program was found to open PDF files. The document is in {path}.</translation>
    </message>
    <message>
        <source>Afdrukken is op deze computer niet ingesteld (geen &apos;lp&apos;). Open het document in de PDF-viewer en druk het daar af: {path}.</source>
        <translation>Printing is not set up on this computer (no &apos;lp&apos;). Open the document in the PDF viewer and print it from there: {path}.</translation>
    </message>
    <message>
        <source>De printer weigerde het document. Het staat in {path}.</source>
        <translation>The printer refused the document. It is in {path}.</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>Er ging iets mis in het programma; er is niets gewijzigd. Probeer het opnieuw. Blijft dit gebeuren, neem dan contact op met de beheerder.</source>
        <translation>Something went wrong in the program; nothing has been changed. Please try again. If this keeps happening, contact the administrator.</translation>
    </message>
    <message>
        <source>Er ging iets mis</source>
        <translation>Something went wrong</translation>
    </message>
    <message>
        <source>Controleer de invoer</source>
        <translation>Check the input</translation>
    </message>
    <message>
        <source>Geen toegang</source>
        <translation>No access</translation>
    </message>
    <message>
        <source>Aanmelden mislukt</source>
        <translation>Sign-in failed</translation>
    </message>
    <message>
        <source>Opslag beschadigd</source>
        <translation>Store damaged</translation>
    </message>
    <message>
        <source>Vergrendeld</source>
        <translation>Locked</translation>
    </message>
    <message>
        <source>Niet gevonden</source>
        <translation>Not found</translation>
    </message>
    <message>
        <source>Melding</source>
        <translation>Notice</translation>
    </message>
</context>
<context>
    <name>notifier</name>
    <message>
        <source>Bekijk ze in Vandaag.</source>
        <translation>See them in Today.</translation>
    </message>
    <message>
        <source>Sinds {since}. Bekijk ze in Vandaag.</source>
        <translation>Since {since}. See them in Today.</translation>
    </message>
    <message>
        <source>{n} herinneringen terwijl Sociaal Veilig dicht was</source>
        <translation>{n} reminders while Sociaal Veilig was closed</translation>
    </message>
    <message>
        <source>{n} nieuwe herinneringen</source>
        <translation>{n} new reminders</translation>
    </message>
</context>
<context>
    <name>scheduler</name>
    <message>
        <source>Klok teruggezet</source>
        <translation>Clock set back</translation>
    </message>
    <message>
        <source>Automatische back-up mislukt</source>
        <translation>Automatic backup failed</translation>
    </message>
</context>
<context>
    <name>self_test</name>
    <message>
        <source>de tijdelijke opslag maken</source>
        <translation>creating the temporary store</translation>
    </message>
    <message>
        <source>het hoofdvenster openen</source>
        <translation>opening the main window</translation>
    </message>
    <message>
        <source>De eerste pagina laadde niet binnen een minuut.</source>
        <translation>The first page did not load within a minute.</translation>
    </message>
    <message>
        <source>De eerste pagina gaf een foutmelding.</source>
        <translation>The first page gave an error message.</translation>
    </message>
    <message>
        <source>Het programma-icoon ontbreekt.</source>
        <translation>The program icon is missing.</translation>
    </message>
    <message>
        <source>een rapport als PDF maken</source>
        <translation>making a PDF report</translation>
    </message>
    <message>
        <source>Het rapport is geen PDF.</source>
        <translation>The report is not a PDF.</translation>
    </message>
    <message>
        <source>afsluiten</source>
        <translation>closing</translation>
    </message>
    <message>
        <source>Zelftest mislukt bij {step}: {reason}. Installeer het programma opnieuw of neem contact op met de beheerder.</source>
        <translation>Self-test failed while {step}: {reason}. Reinstall the program or contact the administrator.</translation>
    </message>
    <message>
        <source>Zelftest geslaagd in {seconds:.1f} s.</source>
        <translation>Self-test passed in {seconds:.1f} s.</translation>
    </message>
</context>
</TS>
