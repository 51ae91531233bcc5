import { fold } from './text';

/**
 * The 193 Member States of the United Nations (and the two observer States), as the UN names them
 * in the titles of documents ("Permanent Mission of the Sudan", "of the Islamic Republic of Iran",
 * "of Azerbaijan"), with the other names a note may use for them: the formal name in English and
 * French ("the Republic of Azerbaijan", "la République d’Azerbaïdjan"), the French short name, and
 * common informal names. Names are matched folded (no accents, any apostrophe) and without their
 * leading article, so "the Republic of Azerbaijan" and "République d'Azerbaïdjan" both find
 * Azerbaijan.
 *
 * Written from the UN's terminology (UNTERM short and formal names, in English and French) as
 * remembered; each line is the title form, then its other names separated by semicolons.
 */
const TABLE = `
Afghanistan | Islamic Republic of Afghanistan; Islamic Emirate of Afghanistan; République islamique d'Afghanistan
Albania | Republic of Albania; Albanie; République d'Albanie
Algeria | People's Democratic Republic of Algeria; Algérie; République algérienne démocratique et populaire
Andorra | Principality of Andorra; Andorre; Principauté d'Andorre
Angola | Republic of Angola; République d'Angola
Antigua and Barbuda | Antigua-et-Barbuda
Argentina | Argentine Republic; Argentine; République argentine
Armenia | Republic of Armenia; Arménie; République d'Arménie
Australia | Commonwealth of Australia; Australie
Austria | Republic of Austria; Autriche; République d'Autriche
Azerbaijan | Republic of Azerbaijan; Azerbaïdjan; République d'Azerbaïdjan
the Bahamas | Commonwealth of the Bahamas; Bahamas; Commonwealth des Bahamas
Bahrain | Kingdom of Bahrain; Bahreïn; Royaume de Bahreïn
Bangladesh | People's Republic of Bangladesh; République populaire du Bangladesh
Barbados | Barbade
Belarus | Republic of Belarus; Bélarus; République du Bélarus
Belgium | Kingdom of Belgium; Belgique; Royaume de Belgique
Belize | Belize
Benin | Republic of Benin; Bénin; République du Bénin
Bhutan | Kingdom of Bhutan; Bhoutan; Royaume du Bhoutan
the Plurinational State of Bolivia | Bolivia; Bolivia (Plurinational State of); État plurinational de Bolivie; Bolivie
Bosnia and Herzegovina | Bosnie-Herzégovine
Botswana | Republic of Botswana; République du Botswana
Brazil | Federative Republic of Brazil; Brésil; République fédérative du Brésil
Brunei Darussalam | Brunéi Darussalam; Brunei
Bulgaria | Republic of Bulgaria; Bulgarie; République de Bulgarie
Burkina Faso | Burkina Faso
Burundi | Republic of Burundi; République du Burundi
Cabo Verde | Republic of Cabo Verde; Cape Verde; République de Cabo Verde
Cambodia | Kingdom of Cambodia; Cambodge; Royaume du Cambodge
Cameroon | Republic of Cameroon; Cameroun; République du Cameroun
Canada | Canada
the Central African Republic | Central African Republic; République centrafricaine
Chad | Republic of Chad; Tchad; République du Tchad
Chile | Republic of Chile; Chili; République du Chili
China | People's Republic of China; Chine; République populaire de Chine
Colombia | Republic of Colombia; Colombie; République de Colombie
the Comoros | Union of the Comoros; Comoros; Comores; Union des Comores
the Congo | Republic of the Congo; Congo; République du Congo
Costa Rica | Republic of Costa Rica; République du Costa Rica
Côte d'Ivoire | Republic of Côte d'Ivoire; République de Côte d'Ivoire
Croatia | Republic of Croatia; Croatie; République de Croatie
Cuba | Republic of Cuba; République de Cuba
Cyprus | Republic of Cyprus; Chypre; République de Chypre
Czechia | Czech Republic; Tchéquie; République tchèque
the Democratic People's Republic of Korea | Democratic People's Republic of Korea; DPRK; République populaire démocratique de Corée
the Democratic Republic of the Congo | Democratic Republic of the Congo; République démocratique du Congo
Denmark | Kingdom of Denmark; Danemark; Royaume du Danemark
Djibouti | Republic of Djibouti; République de Djibouti
Dominica | Commonwealth of Dominica; Dominique; Commonwealth de la Dominique
the Dominican Republic | Dominican Republic; République dominicaine
Ecuador | Republic of Ecuador; Équateur; République de l'Équateur
Egypt | Arab Republic of Egypt; Égypte; République arabe d'Égypte
El Salvador | Republic of El Salvador; République d'El Salvador
Equatorial Guinea | Republic of Equatorial Guinea; Guinée équatoriale; République de Guinée équatoriale
Eritrea | State of Eritrea; Érythrée; État d'Érythrée
Estonia | Republic of Estonia; Estonie; République d'Estonie
Eswatini | Kingdom of Eswatini; Swaziland; Royaume d'Eswatini
Ethiopia | Federal Democratic Republic of Ethiopia; Éthiopie; République fédérale démocratique d'Éthiopie
Fiji | Republic of Fiji; Fidji; République des Fidji
Finland | Republic of Finland; Finlande; République de Finlande
France | French Republic; République française
Gabon | Gabonese Republic; République gabonaise
the Gambia | Republic of the Gambia; Gambia; Gambie; République de Gambie
Georgia | Géorgie
Germany | Federal Republic of Germany; Allemagne; République fédérale d'Allemagne
Ghana | Republic of Ghana; République du Ghana
Greece | Hellenic Republic; Grèce; République hellénique
Grenada | Grenade
Guatemala | Republic of Guatemala; République du Guatemala
Guinea | Republic of Guinea; Guinée; République de Guinée
Guinea-Bissau | Republic of Guinea-Bissau; Guinée-Bissau; République de Guinée-Bissau
Guyana | Co-operative Republic of Guyana; Cooperative Republic of Guyana; République coopérative du Guyana
Haiti | Republic of Haiti; Haïti; République d'Haïti
Honduras | Republic of Honduras; République du Honduras
Hungary | Hongrie
Iceland | Republic of Iceland; Islande
India | Republic of India; Inde; République de l'Inde
Indonesia | Republic of Indonesia; Indonésie; République d'Indonésie
the Islamic Republic of Iran | Islamic Republic of Iran; Iran; Iran (Islamic Republic of); République islamique d'Iran
Iraq | Republic of Iraq; République d'Iraq
Ireland | Irlande
Israel | State of Israel; Israël; État d'Israël
Italy | Italian Republic; Italie; République italienne
Jamaica | Jamaïque
Japan | Japon
Jordan | Hashemite Kingdom of Jordan; Jordanie; Royaume hachémite de Jordanie
Kazakhstan | Republic of Kazakhstan; République du Kazakhstan
Kenya | Republic of Kenya; République du Kenya
Kiribati | Republic of Kiribati; République de Kiribati
Kuwait | State of Kuwait; Koweït; État du Koweït
Kyrgyzstan | Kyrgyz Republic; Kirghizistan; République kirghize
the Lao People's Democratic Republic | Lao People's Democratic Republic; Laos; République démocratique populaire lao
Latvia | Republic of Latvia; Lettonie; République de Lettonie
Lebanon | Lebanese Republic; Liban; République libanaise
Lesotho | Kingdom of Lesotho; Royaume du Lesotho
Liberia | Republic of Liberia; Libéria; République du Libéria
Libya | State of Libya; Libye; État de Libye
Liechtenstein | Principality of Liechtenstein; Principauté de Liechtenstein
Lithuania | Republic of Lithuania; Lituanie; République de Lituanie
Luxembourg | Grand Duchy of Luxembourg; Grand-Duché de Luxembourg
Madagascar | Republic of Madagascar; République de Madagascar
Malawi | Republic of Malawi; République du Malawi
Malaysia | Malaisie
Maldives | Republic of Maldives; République des Maldives
Mali | Republic of Mali; République du Mali
Malta | Republic of Malta; Malte; République de Malte
the Marshall Islands | Republic of the Marshall Islands; Marshall Islands; Îles Marshall; République des Îles Marshall
Mauritania | Islamic Republic of Mauritania; Mauritanie; République islamique de Mauritanie
Mauritius | Republic of Mauritius; Maurice; République de Maurice
Mexico | United Mexican States; Mexique; États-Unis du Mexique
the Federated States of Micronesia | Federated States of Micronesia; Micronesia; États fédérés de Micronésie
Monaco | Principality of Monaco; Principauté de Monaco
Mongolia | Mongolie
Montenegro | Monténégro
Morocco | Kingdom of Morocco; Maroc; Royaume du Maroc
Mozambique | Republic of Mozambique; République du Mozambique
Myanmar | Republic of the Union of Myanmar; République de l'Union du Myanmar
Namibia | Republic of Namibia; Namibie; République de Namibie
Nauru | Republic of Nauru; République de Nauru
Nepal | Federal Democratic Republic of Nepal; Népal; République fédérale démocratique du Népal
the Kingdom of the Netherlands | Kingdom of the Netherlands; Netherlands; Pays-Bas; Royaume des Pays-Bas
New Zealand | Nouvelle-Zélande
Nicaragua | Republic of Nicaragua; République du Nicaragua
the Niger | Republic of the Niger; Niger; République du Niger
Nigeria | Federal Republic of Nigeria; Nigéria; République fédérale du Nigéria
North Macedonia | Republic of North Macedonia; Macédoine du Nord; République de Macédoine du Nord
Norway | Kingdom of Norway; Norvège; Royaume de Norvège
Oman | Sultanate of Oman; Sultanat d'Oman
Pakistan | Islamic Republic of Pakistan; République islamique du Pakistan
Palau | Republic of Palau; Palaos; République des Palaos
Panama | Republic of Panama; République du Panama
Papua New Guinea | Independent State of Papua New Guinea; Papouasie-Nouvelle-Guinée; État indépendant de Papouasie-Nouvelle-Guinée
Paraguay | Republic of Paraguay; République du Paraguay
Peru | Republic of Peru; Pérou; République du Pérou
the Philippines | Republic of the Philippines; Philippines; République des Philippines
Poland | Republic of Poland; Pologne; République de Pologne
Portugal | Portuguese Republic; République portugaise
Qatar | State of Qatar; État du Qatar
the Republic of Korea | Republic of Korea; South Korea; République de Corée
the Republic of Moldova | Republic of Moldova; Moldova; République de Moldova
Romania | Roumanie
the Russian Federation | Russian Federation; Russia; Fédération de Russie
Rwanda | Republic of Rwanda; République du Rwanda
Saint Kitts and Nevis | Federation of Saint Kitts and Nevis; Saint-Kitts-et-Nevis
Saint Lucia | Sainte-Lucie
Saint Vincent and the Grenadines | Saint-Vincent-et-les Grenadines
Samoa | Independent State of Samoa; État indépendant du Samoa
San Marino | Republic of San Marino; Saint-Marin; République de Saint-Marin
Sao Tome and Principe | Democratic Republic of Sao Tome and Principe; Sao Tomé-et-Principe; République démocratique de Sao Tomé-et-Principe
Saudi Arabia | Kingdom of Saudi Arabia; Arabie saoudite; Royaume d'Arabie saoudite
Senegal | Republic of Senegal; Sénégal; République du Sénégal
Serbia | Republic of Serbia; Serbie; République de Serbie
Seychelles | Republic of Seychelles; République des Seychelles
Sierra Leone | Republic of Sierra Leone; République de Sierra Leone
Singapore | Republic of Singapore; Singapour; République de Singapour
Slovakia | Slovak Republic; Slovaquie; République slovaque
Slovenia | Republic of Slovenia; Slovénie; République de Slovénie
Solomon Islands | Îles Salomon
Somalia | Federal Republic of Somalia; Somalie; République fédérale de Somalie
South Africa | Republic of South Africa; Afrique du Sud; République sud-africaine
South Sudan | Republic of South Sudan; Soudan du Sud; République du Soudan du Sud
Spain | Kingdom of Spain; Espagne; Royaume d'Espagne
Sri Lanka | Democratic Socialist Republic of Sri Lanka; République socialiste démocratique de Sri Lanka
the Sudan | Republic of the Sudan; Sudan; Soudan; République du Soudan
Suriname | Republic of Suriname; République du Suriname
Sweden | Kingdom of Sweden; Suède; Royaume de Suède
Switzerland | Swiss Confederation; Suisse; Confédération suisse
the Syrian Arab Republic | Syrian Arab Republic; Syria; République arabe syrienne; Syrie
Tajikistan | Republic of Tajikistan; Tadjikistan; République du Tadjikistan
Thailand | Kingdom of Thailand; Thaïlande; Royaume de Thaïlande
Timor-Leste | Democratic Republic of Timor-Leste; République démocratique du Timor-Leste
Togo | Togolese Republic; République togolaise
Tonga | Kingdom of Tonga; Royaume des Tonga
Trinidad and Tobago | Republic of Trinidad and Tobago; Trinité-et-Tobago; République de Trinité-et-Tobago
Tunisia | Republic of Tunisia; Tunisie; République tunisienne
Türkiye | Republic of Türkiye; Turkey; Republic of Turkey; Turquie; République de Türkiye
Turkmenistan | Turkménistan
Tuvalu | Tuvalu
Uganda | Republic of Uganda; Ouganda; République de l'Ouganda
Ukraine | Ukraine
the United Arab Emirates | United Arab Emirates; Émirats arabes unis
the United Kingdom of Great Britain and Northern Ireland | United Kingdom of Great Britain and Northern Ireland; United Kingdom; Royaume-Uni de Grande-Bretagne et d'Irlande du Nord; Royaume-Uni
the United Republic of Tanzania | United Republic of Tanzania; Tanzania; République-Unie de Tanzanie; Tanzanie
the United States of America | United States of America; United States; États-Unis d'Amérique; États-Unis
Uruguay | Oriental Republic of Uruguay; République orientale de l'Uruguay
Uzbekistan | Republic of Uzbekistan; Ouzbékistan; République d'Ouzbékistan
Vanuatu | Republic of Vanuatu; République de Vanuatu
the Bolivarian Republic of Venezuela | Bolivarian Republic of Venezuela; Venezuela; Venezuela (Bolivarian Republic of); République bolivarienne du Venezuela
Viet Nam | Socialist Republic of Viet Nam; Vietnam; République socialiste du Viet Nam
Yemen | Republic of Yemen; Yémen; République du Yémen
Zambia | Republic of Zambia; Zambie; République de Zambie
Zimbabwe | Republic of Zimbabwe; République du Zimbabwe
the Holy See | Holy See; Saint-Siège
the State of Palestine | State of Palestine; Palestine; État de Palestine
`;

/** The observer States at the end of the table: not Member States, but they send notes to the Council too. */
export const OBSERVER_STATES = ['the Holy See', 'the State of Palestine'] as const;

export interface Country {
  /** As UN titles write it after "of": "Azerbaijan", "the Sudan", "the Islamic Republic of Iran". */
  title: string;
  /** Every name it is known by, the title form first. */
  names: readonly string[];
}

export const COUNTRIES: readonly Country[] = TABLE.trim().split('\n').map((line) => {
  const [title, others = ''] = line.split('|').map((s) => s.trim());
  return { title: title!, names: [title!, ...others.split(';').map((s) => s.trim()).filter(Boolean)] };
});

/** A name as it is looked up: folded, its leading article dropped, spaces tidied, "St." spelled out. */
export function nameKey(name: string): string {
  return fold(name)
    .replace(/[.,;:]+$/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^(the|la|le|les|l') ?/, '')
    .replace(/\bst\.? /g, 'saint ')
    .replace(/^saint-(kitts|lucie|vincent|marin)/, 'saint-$1');
}

const BY_NAME = new Map<string, Country>();
for (const c of COUNTRIES) {
  for (const n of c.names) {
    const key = nameKey(n);
    const taken = BY_NAME.get(key);
    if (taken && taken !== c) throw new Error(`Two countries are named "${n}": ${taken.title} and ${c.title}`);
    BY_NAME.set(key, c);
  }
}

/** The country a name means, however the note writes it (English or French, formal or short), or undefined. */
export function countryNamed(name: string): Country | undefined {
  return BY_NAME.get(nameKey(name));
}

/** Every known name, longest first (so "the Democratic Republic of the Congo" is tried before "the Congo"). */
export const ALL_NAME_KEYS: readonly string[] = [...BY_NAME.keys()].sort((a, b) => b.length - a.length);
