import streamlit as st

st.title("Bare page one")
st.markdown("A line of text.")
