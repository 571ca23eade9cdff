package org.inversiontable.app;
public final class Main { public static void main(String[] a) { } }
