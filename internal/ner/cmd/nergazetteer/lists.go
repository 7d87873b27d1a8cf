package main

// Hand-written lists that the Petrarch dictionaries lack or mix up. Kept
// short and general: common given names, nationality adjectives, and
// first-level divisions of large countries, as a newsroom would know them.

const demonyms = `
Afghan Albanian Algerian American Andorran Angolan Argentine Argentinian Armenian Australian Austrian
Azerbaijani Bahraini Bangladeshi Barbadian Belarusian Belgian Belizean Beninese Bhutanese Bolivian
Bosnian Botswanan Brazilian British Bruneian Bulgarian Burkinabe Burmese Burundian Cambodian Cameroonian
Canadian Chadian Chilean Chinese Colombian Congolese Croatian Cuban Cypriot Czech Danish Djiboutian
Dominican Dutch Ecuadorean Ecuadorian Egyptian Emirati English Eritrean Estonian Ethiopian Fijian Filipino
Finnish French Gabonese Gambian Georgian German Ghanaian Greek Grenadian Guatemalan Guinean Guyanese
Haitian Honduran Hungarian Icelandic Indian Indonesian Iranian Iraqi Irish Israeli Italian Ivorian
Jamaican Japanese Jordanian Kazakh Kenyan Korean Kosovar Kuwaiti Kyrgyz Laotian Latvian Lebanese
Liberian Libyan Lithuanian Luxembourgish Macedonian Malagasy Malawian Malaysian Maldivian Malian Maltese
Mauritanian Mauritian Mexican Moldovan Monegasque Mongolian Montenegrin Moroccan Mozambican Namibian
Nepalese Nepali Nicaraguan Nigerian Nigerien Norwegian Omani Pakistani Palestinian Panamanian Paraguayan
Peruvian Polish Portuguese Qatari Romanian Russian Rwandan Salvadoran Samoan Saudi Scottish Senegalese
Serbian Sierra Leonean Singaporean Slovak Slovakian Slovenian Somali Somalian Sudanese Surinamese Swazi
Swedish Swiss Syrian Taiwanese Tajik Tanzanian Thai Togolese Tongan Trinidadian Tunisian Turkish
Turkmen Ugandan Ukrainian Uruguayan Uzbek Venezuelan Vietnamese Welsh Yemeni Yemenite Yugoslav Zambian
Zimbabwean Soviet European African Asian Arab Arabic Latin Scandinavian Balkan Baltic Caribbean Nordic
Persian Kurdish Basque Catalan Flemish Walloon Chechen Tamil Sikh Hindu Muslim Christian Catholic
Protestant Jewish Islamic Shi'ite Sunni Shiite Buddhist Orthodox Pashtun Tibetan Uighur Hispanic Bosnian
Serb Croat Americans Germans Russians Britons Israelis Palestinians Iraqis Iranians Afghans Pakistanis
Indians Chinese Japanese Koreans Canadians Australians Mexicans Brazilians Europeans Africans Arabs Kurds
Serbs Croats Muslims Christians Jews Sikhs Tamils Turks Greeks Poles Czechs Slovaks Hungarians Romanians
Bulgarians Ukrainians Belarusians Italians Spaniards Spanish Portuguese Frenchman Englishman Scots Welshman
Dane Danes Swede Swedes Norwegians Finns Dutchman Belgians Austrians Swiss Irishman Egyptians Syrians
Lebanese Jordanians Saudis Yemenis Libyans Algerians Moroccans Tunisians Sudanese Somalis Ethiopians
Kenyans Nigerians Ghanaians Zimbabweans Zambians Angolans Congolese Rwandans Ugandans Tanzanians
Thais Vietnamese Cambodians Filipinos Indonesians Malaysians Singaporeans Bangladeshis Nepalese
Argentines Chileans Colombians Peruvians Venezuelans Cubans Haitians Jamaicans
`

const firstNames = `
Aaron Abdul Abdullah Adam Adrian Ahmad Ahmed Alan Albert Alberto Alejandro Alex Alexander Alexandre
Alexei Alfred Ali Alice Alicia Allan Allen Amanda Amy Ana Anders Andre Andrea Andreas Andrei Andrew
Andy Angela Angelo Ann Anna Anne Anthony Antoine Antonio Arnold Arthur Ashley Barbara Barry Ben
Benjamin Bernard Bernd Bill Billy Bob Boris Brad Brandon Brett Brian Bruce Bruno Bryan Carl Carlos
Carmen Carol Caroline Catherine Charles Charlie Chris Christian Christina Christine Christopher Claude
Claudia Colin Craig Daniel Danny Darren Dave David Dean Deborah Dennis Derek Diana Diane Dieter Dmitry
Dominic Don Donald Doug Douglas Duncan Ed Eddie Edward Elena Elizabeth Ellen Emily Emma Eric Erik
Ernst Eugene Eva Evan Fabio Felipe Fernando Francesco Francis Francisco Frank Franz Fred Frederick
Gabriel Gareth Gary Geoff Geoffrey George Georg Gerald Gerard Gerhard Giorgio Giovanni Giuseppe Glenn
Gordon Graham Greg Gregory Guido Gunter Hans Harold Harry Hassan Heinz Helen Helmut Henri Henry
Herbert Hugh Hugo Hussein Ian Igor Ibrahim Ivan Jack Jacques James Jan Jane Janet Jason Javier Jean
Jeff Jeffrey Jennifer Jeremy Jerry Jessica Jim Jimmy Joan Joao Joe Johan Johann Johannes John Jon
Jonathan Jorge Jose Josef Joseph Juan Judith Julia Julian Julie Jurgen Karen Karl Kate Katherine
Kathleen Keith Kelly Ken Kenneth Kevin Khalid Kim Klaus Kurt Larry Laura Laurent Lee Leon Leonard
Linda Lisa Louis Luca Lucas Luis Luke Manuel Marc Marco Marcus Maria Marie Mario Mark Martin Mary
Matt Matthew Matthias Maurice Max Michael Michel Michelle Miguel Mike Mikhail Mohamed Mohammad Mohammed
Muhammad Nancy Nasser Nathan Neil Nicholas Nick Nicolas Nicole Nigel Nikolai Norman Olga Oliver Omar
Oscar Pablo Pamela Paolo Pat Patricia Patrick Paul Pedro Peter Petr Phil Philip Philippe Pierre
Rachel Rafael Ralph Ramon Randy Ray Raymond Rebecca Richard Rick Rob Robert Roberto Robin Roger
Roland Ron Ronald Rosa Ross Roy Russell Ryan Said Salim Sally Sam Samuel Sandra Sara Sarah Scott
Sean Sergei Sergio Simon Stefan Stephen Steve Steven Stuart Susan Tanya Ted Terry Thomas Tim Timothy
Tina Todd Tom Tommy Tony Uwe Victor Vincent Vladimir Walter Wayne Werner Wilhelm William Wolfgang
Yasser Yuri Zhang Wang Li Liu Chen
`

// Divisions of large countries (the Petrarch country entries list only
// some) and world cities often in the news.
const places = `
Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|Hawaii|Idaho
Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota
Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|New York|North Carolina
North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|South Carolina|South Dakota|Tennessee|Texas
Utah|Vermont|Virginia|Washington|West Virginia|Wisconsin|Wyoming|Ontario|Quebec|British Columbia|Alberta
Manitoba|Saskatchewan|Nova Scotia|New South Wales|Queensland|Victoria|Tasmania|Bavaria|Saxony|Hesse
Scotland|Wales|England|Northern Ireland|Catalonia|Andalusia|Lombardy|Sicily|Sardinia|Corsica|Brittany
New York City|Los Angeles|Chicago|Houston|Boston|San Francisco|Seattle|Atlanta|Miami|Dallas|Detroit
Philadelphia|Denver|Toronto|Montreal|Vancouver|London|Paris|Berlin|Madrid|Rome|Milan|Vienna|Zurich
Geneva|Brussels|Amsterdam|Frankfurt|Munich|Hamburg|Stockholm|Oslo|Copenhagen|Helsinki|Moscow|Warsaw
Prague|Budapest|Athens|Istanbul|Ankara|Cairo|Tel Aviv|Jerusalem|Beirut|Damascus|Baghdad|Tehran|Riyadh
Dubai|Kabul|Islamabad|Karachi|New Delhi|Delhi|Mumbai|Bombay|Calcutta|Kolkata|Beijing|Shanghai|Hong Kong
Tokyo|Osaka|Seoul|Singapore|Bangkok|Jakarta|Manila|Sydney|Melbourne|Johannesburg|Nairobi|Lagos
Mexico City|Sao Paulo|Rio de Janeiro|Buenos Aires|Santiago|Lima|Bogota|Caracas|Havana|Wellington
Auckland|Taipei|Hanoi|Kuala Lumpur|Dhaka|Colombo|Kiev|Kyiv|Minsk|Belgrade|Sarajevo|Zagreb|Bucharest
Sofia|Lisbon|Dublin|Edinburgh|Manchester|Liverpool|Birmingham|Glasgow|Leeds|Marseille|Lyon|Barcelona
Seville|Naples|Turin|Florence|Venice|Cologne|Stuttgart|Dusseldorf|Rotterdam|Antwerp|Gothenburg
Washington D.C.|Silicon Valley|Wall Street|Gaza|West Bank|Crimea|Kashmir|Tibet|Chechnya|Kosovo
`

// Organisations that the news names without a descriptor.
const orgs = `
United Nations|UN|U.N.|NATO|European Union|EU|E.U.|European Commission|World Bank|IMF
International Monetary Fund|WTO|World Trade Organization|OPEC|Red Cross|Reuters|Associated Press|AP
BBC|CNN|New York Times|Washington Post|Wall Street Journal|Financial Times|Bloomberg|Xinhua|Interfax
Federal Reserve|Fed|Bundesbank|Bank of England|Bank of Japan|European Central Bank|ECB|Pentagon
White House|Kremlin|Congress|Senate|House of Representatives|Parliament|Supreme Court|FBI|CIA|NASA
Microsoft|Apple|Google|IBM|Intel|Boeing|Airbus|General Motors|Ford|Toyota|Volkswagen|Siemens|Sony
Samsung|Nokia|Exxon|Shell|BP|Chevron|Citigroup|Goldman Sachs|Morgan Stanley|JP Morgan|Deutsche Bank
Barclays|HSBC|UBS|Credit Suisse|Nestle|Unilever|Walmart|Amazon|Facebook|Twitter|Hamas|Hezbollah
Taliban|al Qaeda|Al-Qaeda|IRA|PLO|Fatah|Labour|Conservative Party|Democratic Party|Republican Party
Democrats|Republicans|Tories|Social Democrats|Christian Democrats|Bundestag|Knesset|Duma
`

// titles are the titles, offices and forms of address written before a
// person's name ("Foreign Minister Penny Wong", "Mr. Lee"): they end a name
// that precedes them and start none themselves. One phrase a line.
const titles = `
president|vice president|president-elect|prime minister|deputy prime minister|premier|minister
foreign minister|finance minister|defence minister|defense minister|interior minister|trade minister
economy minister|oil minister|health minister|justice minister|information minister|agriculture minister
secretary|secretary of state|secretary-general|secretary general|general secretary|press secretary
chancellor|vice chancellor|king|queen|prince|princess|crown prince|emperor|empress|pope|cardinal
archbishop|bishop|rabbi|imam|reverend|rev.|sheikh|ayatollah|sultan|emir|president-elect|dalai lama
senator|sen.|representative|rep.|congressman|congresswoman|governor|gov.|lieutenant governor|mayor
ambassador|envoy|special envoy|commissioner|high commissioner|speaker|deputy|leader|opposition leader
judge|justice|chief justice|attorney general|attorney-general|prosecutor|chief prosecutor
general|gen.|lieutenant general|lt. gen.|major general|maj. gen.|brigadier|brigadier general|lieutenant|lt.
colonel|col.|lieutenant colonel|lt. col.|major|maj.|captain|capt.|admiral|adm.|vice admiral|rear admiral
sergeant|sgt.|corporal|cpl.|private|pvt.|commander|marshal|field marshal|commandant
chairman|chairwoman|chairperson|vice chairman|deputy chairman|chief executive|chief executive officer
ceo|chief operating officer|coo|chief financial officer|cfo|managing director|director|director general
director-general|executive director|deputy director|president and chief executive|chief economist
spokesman|spokeswoman|spokesperson|mr|mr.|mrs|mrs.|ms|ms.|dr|dr.|sir|dame|lord|lady|professor|prof.
coach|head coach|manager|coach and manager|striker|goalkeeper|midfielder|defender|skipper|captain
inspector|detective|superintendent|chief inspector|police chief|sheriff|dean|chief minister
`
