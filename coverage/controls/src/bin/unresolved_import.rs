//! family: control
//! what: importing an item that does not exist
use std::collections::HashMapp;

fn main() {}
