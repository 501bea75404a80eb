package org.circgate.sip2.message;

/** Field IDs as {@code int} switch keys ({@code first << 8 | second}), so readers switch without allocating. */
final class Keys {

    private Keys() {
    }

    static int of(char a, char b) {
        return a << 8 | b;
    }

    static final int AA = 'A' << 8 | 'A';
    static final int AB = 'A' << 8 | 'B';
    static final int AC = 'A' << 8 | 'C';
    static final int AD = 'A' << 8 | 'D';
    static final int AE = 'A' << 8 | 'E';
    static final int AF = 'A' << 8 | 'F';
    static final int AG = 'A' << 8 | 'G';
    static final int AH = 'A' << 8 | 'H';
    static final int AJ = 'A' << 8 | 'J';
    static final int AL = 'A' << 8 | 'L';
    static final int AM = 'A' << 8 | 'M';
    static final int AN = 'A' << 8 | 'N';
    static final int AO = 'A' << 8 | 'O';
    static final int AP = 'A' << 8 | 'P';
    static final int AQ = 'A' << 8 | 'Q';
    static final int AS = 'A' << 8 | 'S';
    static final int AT = 'A' << 8 | 'T';
    static final int AU = 'A' << 8 | 'U';
    static final int AV = 'A' << 8 | 'V';
    static final int AY = 'A' << 8 | 'Y';
    static final int AZ = 'A' << 8 | 'Z';
    static final int BD = 'B' << 8 | 'D';
    static final int BE = 'B' << 8 | 'E';
    static final int BF = 'B' << 8 | 'F';
    static final int BG = 'B' << 8 | 'G';
    static final int BH = 'B' << 8 | 'H';
    static final int BI = 'B' << 8 | 'I';
    static final int BK = 'B' << 8 | 'K';
    static final int BL = 'B' << 8 | 'L';
    static final int BM = 'B' << 8 | 'M';
    static final int BN = 'B' << 8 | 'N';
    static final int BO = 'B' << 8 | 'O';
    static final int BP = 'B' << 8 | 'P';
    static final int BQ = 'B' << 8 | 'Q';
    static final int BR = 'B' << 8 | 'R';
    static final int BS = 'B' << 8 | 'S';
    static final int BT = 'B' << 8 | 'T';
    static final int BU = 'B' << 8 | 'U';
    static final int BV = 'B' << 8 | 'V';
    static final int BW = 'B' << 8 | 'W';
    static final int BX = 'B' << 8 | 'X';
    static final int BY = 'B' << 8 | 'Y';
    static final int BZ = 'B' << 8 | 'Z';
    static final int CA = 'C' << 8 | 'A';
    static final int CB = 'C' << 8 | 'B';
    static final int CC = 'C' << 8 | 'C';
    static final int CD = 'C' << 8 | 'D';
    static final int CF = 'C' << 8 | 'F';
    static final int CG = 'C' << 8 | 'G';
    static final int CH = 'C' << 8 | 'H';
    static final int CI = 'C' << 8 | 'I';
    static final int CJ = 'C' << 8 | 'J';
    static final int CK = 'C' << 8 | 'K';
    static final int CL = 'C' << 8 | 'L';
    static final int CM = 'C' << 8 | 'M';
    static final int CN = 'C' << 8 | 'N';
    static final int CO = 'C' << 8 | 'O';
    static final int CP = 'C' << 8 | 'P';
    static final int CQ = 'C' << 8 | 'Q';
    static final int CR = 'C' << 8 | 'R';
    static final int CS = 'C' << 8 | 'S';
    static final int CT = 'C' << 8 | 'T';
    static final int CV = 'C' << 8 | 'V';
    static final int CY = 'C' << 8 | 'Y';
    static final int DA = 'D' << 8 | 'A';
}
